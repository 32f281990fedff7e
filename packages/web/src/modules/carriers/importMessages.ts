// The UI strings of the ledger import and the QR label sheets (zh-CN and English).
export const importMessages = {
  'car.import': { zh: '导入台账', en: 'Import a ledger' },
  'car.import.title': { zh: '导入涉密载体台账', en: 'Import a carrier ledger' },
  'car.import.hint': {
    zh: '把原有的纸质或 Excel 台账按模板整理后导入：先预览逐行校验，全部无误才能确认导入；有一行不合格，整个文件都不会写入',
    en: 'Bring an existing paper or Excel ledger in through the template: preview checks every row; only a file without errors is imported, and then all of it',
  },
  'car.import.step1': { zh: '选择文件', en: 'Choose the file' },
  'car.import.step2': { zh: '预览校验', en: 'Preview' },
  'car.import.step3': { zh: '确认导入', en: 'Import' },
  'car.import.template': { zh: '下载导入模板', en: 'Download the template' },
  'car.import.templateHint': {
    zh: '第1行为表头，从第2行起每行一份载体（每份一个份号）。一次最多 {rows} 行，文件不超过 {mb} MB',
    en: 'Row 1 is the header, then one carrier (one copy number) per row. At most {rows} rows and {mb} MB',
  },
  'car.import.choose': { zh: '点击或拖入 Excel 文件（.xlsx）', en: 'Click or drop an Excel file (.xlsx)' },
  'car.import.preview': { zh: '预览校验', en: 'Preview' },
  'car.import.confirm': { zh: '确认导入', en: 'Import' },
  'car.import.again': { zh: '重新选择文件', en: 'Choose another file' },
  'car.import.summary': {
    zh: '文件“{file}”共 {rows} 行：合格 {valid} 行，有错误 {invalid} 行，{batches} 个登记批次',
    en: '"{file}": {rows} rows, {valid} valid, {invalid} with errors, {batches} batches',
  },
  'car.import.hasErrors': {
    zh: '有错误的行必须在 Excel 中改正后重新上传；改正前不能导入（整个文件都不会写入）',
    en: 'Correct the rows with errors in Excel and upload again; nothing is imported until then',
  },
  'car.import.truncated': {
    zh: '错误行过多，只列出前一部分',
    en: 'Too many rows with errors: only the first are listed',
  },
  'car.import.shown': {
    zh: '下表列出前 {n} 行和所有有错误的行',
    en: 'The first {n} rows and every row with errors',
  },
  'car.import.ready': { zh: '全部行校验通过，可以导入', en: 'Every row passed: ready to import' },
  'car.import.done': {
    zh: '已导入 {count} 件涉密载体（{batches} 个登记批次），每件的收进登记注明本次导入的文件和行号',
    en: '{count} carriers imported ({batches} batches); each one’s receipt names the file and row',
  },
  'car.import.toLedger': { zh: '返回台账', en: 'Back to the ledger' },
  'car.import.before': {
    zh: '这个文件已于 {at} 由 {who} 导入，同一份台账不能重复导入',
    en: 'This file was imported on {at} by {who}; a ledger is imported once',
  },
  'car.import.row': { zh: '行号', en: 'Row' },
  'car.import.result': { zh: '校验结果', en: 'Result' },
  'car.import.ok': { zh: '合格', en: 'OK' },
  'car.import.sha': { zh: '文件指纹', en: 'File fingerprint' },
  'car.labels': { zh: '打印二维码标签', en: 'Print QR labels' },
  'car.labels.filter': { zh: '打印标签（当前筛选）', en: 'Print labels (current filter)' },
  'car.labels.selected': { zh: '打印标签（已选 {n} 件）', en: 'Print labels ({n} chosen)' },
  'car.labels.batch': { zh: '打印本批标签', en: 'Print labels of this batch' },
};
