/**
 * Parquet, the fourth format, derived from the finished Arrow IPC file of each table.
 *
 * Why from the Arrow file rather than beside it in `TableWriter`: parquet-wasm's only incremental writer
 * is `transformParquetStream`, which consumes a *web* `ReadableStream` of record batches asynchronously,
 * while `TableWriter.append` is synchronous. Reading the Arrow file back batch by batch (random access
 * through its footer, one record batch in memory at a time) and pulling each batch into that stream
 * keeps memory bounded by one batch plus one Parquet row group, and guarantees by construction that the
 * Parquet file has exactly the Arrow file's types (dictionaries, DateDay, Int64, lists) and field metadata
 * (the column descriptions travel in the `ARROW:schema` key that parquet-rs writes).
 *
 * Determinism: zstd at a fixed level, a fixed `created_by`, no timestamps (parquet-rs writes none), and
 * one row group per Arrow batch (`BATCH_ROWS` rows), so the bytes depend only on the rows.
 */
import { open } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { Table as ArrowTable, RecordBatchReader, tableToIPC } from 'apache-arrow'
import * as pw from 'parquet-wasm'
import { BATCH_ROWS } from './table-writer.js'

export const PARQUET_MEDIATYPE = 'application/vnd.apache.parquet'

function writerProperties(): pw.WriterProperties {
  return new pw.WriterPropertiesBuilder()
    .setCompression(pw.Compression.ZSTD)
    .setCreatedBy('depeches (parquet-wasm 0.8.0)')
    .setMaxRowGroupSize(BATCH_ROWS)
    .build()
}

/** Convert one Arrow IPC file to a Parquet file, one record batch at a time. */
export async function arrowFileToParquet(arrowPath: string, parquetPath: string): Promise<void> {
  const input = await open(arrowPath, 'r')
  const output = await open(parquetPath, 'w')
  try {
    const reader = await RecordBatchReader.from(input)
    await reader.open()
    const batches = reader[Symbol.asyncIterator]()
    // A pull source: the next Arrow batch is read only when the Parquet writer asks for it.
    const source = new ReadableStream<pw.RecordBatch>({
      async pull(controller) {
        const next = await batches.next()
        if (next.done) {
          controller.close()
          return
        }
        const ipc = tableToIPC(new ArrowTable(next.value), 'stream')
        const batch = pw.Table.fromIPCStream(ipc).recordBatch(0)
        if (batch) controller.enqueue(batch)
      },
    })
    const parquet = await pw.transformParquetStream(source, writerProperties())
    await (parquet as ReadableStream<Uint8Array>).pipeTo(Writable.toWeb(output.createWriteStream()))
  } finally {
    await input.close().catch(() => {})
    await output.close().catch(() => {})
  }
}
