-- Policies from the dataset's policies/: the schema of enterprise facts, the issuers' caps and each policy's
-- reviewed YAML, versioned like systems (a changed file is a new version, the old one stays).
-- Portable SQL (PostgreSQL, H2).

-- the files beside the policies: the schema of variables (kind 'schema') and the issuers' caps ('issuers')
create table policy_support_file (
    kind        varchar(20)  not null,
    version     integer      not null,
    fingerprint varchar(64)  not null,
    source_file varchar(500) not null,
    source_text text         not null,
    in_dataset  boolean      not null,
    load_id     bigint not null references dataset_load (id),
    primary key (kind, version)
);

create table policy_document (
    id                          varchar(100)  not null,
    version                     integer       not null,
    title_zh                    varchar(500)  not null,
    title_en                    varchar(500),
    issuer                      varchar(300)  not null,
    document_number             varchar(200),
    effective_from              date          not null,
    effective_to                date,
    source_title                varchar(1000) not null,
    source_url                  varchar(2000),
    source_citation             varchar(64),
    source_confidence           varchar(10),
    cap_per_enterprise_per_year bigint,                 -- fen
    budget                      bigint,                 -- fen
    clause_count                integer       not null,
    illustrative_count          integer       not null,
    -- lower-cased titles, issuer, document number, clause titles and paragraphs, for the text search
    search_text                 text          not null,
    fingerprint                 varchar(64)   not null,
    source_file                 varchar(500)  not null,
    source_text                 text          not null,
    tests_file                  varchar(500),
    tests_text                  text,
    -- whether the latest loaded dataset holds this version; a policy removed from the dataset keeps its rows
    in_dataset                  boolean       not null,
    load_id                     bigint not null references dataset_load (id),
    primary key (id, version)
);
create index policy_document_in_dataset on policy_document (in_dataset, effective_from);

create table policy_region (
    policy_id      varchar(100) not null,
    policy_version integer      not null,
    region_code    varchar(12)  not null,
    primary key (policy_id, policy_version, region_code),
    foreign key (policy_id, policy_version) references policy_document (id, version)
);
create index policy_region_code on policy_region (region_code);

create table policy_track (
    policy_id      varchar(100) not null,
    policy_version integer      not null,
    track_id       varchar(100) not null,
    primary key (policy_id, policy_version, track_id),
    foreign key (policy_id, policy_version) references policy_document (id, version)
);
create index policy_track_track on policy_track (track_id);
