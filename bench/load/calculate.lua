-- wrk script: POST /api/v1/policy/calculate with a realistic calculator request, the Tianhe AI company of
-- PolicyApiTests (district 440106, a generative-AI service filing, 800万元 R&D and 320万元 compute bought
-- in 2024). It answers 200 with 230万元 over the Tianhe and Haizhu policies; run.sh checks that first.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = [[
{"year": 2025, "date": "2025-03-01",
 "profile": {"facts": {"district": "440106", "filings": ["生成式人工智能服务备案"]},
             "yearly": {"rd_expense": {"2024": "800万元"},
                        "compute_purchases": {"2024": {"value": 320, "unit": "万元"}}}}}
]]
