/** A worker thread of `ParquetJobs`: converts one Arrow file to Parquet per task. */
export { convert as default } from './parquet-jobs.js'
