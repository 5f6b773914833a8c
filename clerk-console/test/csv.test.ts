import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/lib/reports/csv';

describe('CSV export', () => {
  it('[RP6] a table as CSV: BOM, headings, quoted cells, empty for missing values', () => {
    const csv = toCsv<{ name: string; n: number | null }>(
      [
        { label: '事项', value: (r) => r.name },
        { label: '件数', value: (r) => r.n },
      ],
      [{ name: '开饭店"一件事", 试点', n: 3 }, { name: '新生儿', n: null }],
    );
    expect(csv).toBe('\uFEFF事项,件数\r\n"开饭店""一件事"", 试点",3\r\n新生儿,\r\n');
  });
});
