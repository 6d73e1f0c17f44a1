/**
 * Tables: the spreadsheets officials exchange, read and written the same way by every import and
 * export. CSV in UTF-8 (with or without BOM) or GBK/GB18030 (what Chinese Excel writes), and XLSX.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.lantu.tables;
