// A figure's data table (the chart's text alternative, beside it) with its CSV download: the same
// rows, in the UI language on the page and with full precision in the file.
import { Box, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { downloadCsv, toCsv, type CsvCell } from '../csv.ts';

export interface Cell {
  /** What the page shows (formatted, "<5" for a suppressed count). */
  text: string;
  /** What the CSV holds (the number itself; empty where suppressed). */
  csv: CsvCell;
  /** Why a cell is empty (the suppression rule), shown as its title. */
  title?: string;
}

export interface Row {
  key: string;
  header: string;
  cells: Cell[];
}

interface Props {
  caption: string;
  /** The first column's heading, then one per cell. */
  columns: string[];
  rows: Row[];
  filename: string;
  testId: string;
  /** Number the rows 1., 2., … as the chart's axis does on a narrow screen. */
  numbered?: boolean;
}

export function DataTable({ caption, columns, rows, filename, testId, numbered = false }: Props) {
  const { t } = useTranslation();
  const download = () =>
    downloadCsv(
      filename,
      toCsv(
        columns,
        rows.map((r) => [r.header, ...r.cells.map((c) => c.csv)]),
      ),
    );
  return (
    <Box>
      <Group justify="flex-end" mb={4}>
        <Button size="compact-sm" variant="default" onClick={download} data-testid={`${testId}-csv`}>
          {t('fipAnalytics.downloadCsv')}
        </Button>
      </Group>
      <Box className="jv-table-wrap" tabIndex={0} role="region" aria-label={caption} mah={560} style={{ overflow: 'auto' }}>
        <Table striped stickyHeader data-testid={testId} fz="sm" miw={200 + 88 * (columns.length - 1)}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={c} scope="col" ta={i === 0 ? 'start' : 'end'}>
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={400} miw={200}>
                  {numbered ? `${rows.indexOf(r) + 1}. ${r.header}` : r.header}
                </Table.Th>
                {r.cells.map((c, i) => (
                  <Table.Td key={i} ta="end" dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                    {c.title ? (
                      <Text span inherit c="gray.8" title={c.title}>
                        {c.text}
                      </Text>
                    ) : (
                      c.text
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Box>
  );
}
