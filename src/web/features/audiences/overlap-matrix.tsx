// Persona × persona table: how many people two personas share; the diagonal is each persona's size.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../shared/audiences';

export type OverlapMatrixProps = { coverage: Coverage };

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export function OverlapMatrix({ coverage }: OverlapMatrixProps) {
  const { t, i18n } = useTranslation();
  const format = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const overlaps = new Map(coverage.overlaps.map((o) => [pairKey(o.a, o.b), o.count]));
  const { personas } = coverage;

  return (
    <Table.ScrollContainer minWidth={160 + personas.length * 90}>
      <Table withTableBorder withColumnBorders data-testid="overlap-matrix" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {personas.map((column) => (
              <Table.Th key={column.id} ta="center" title={column.name}>
                <Text size="xs" fw={600} lineClamp={2}>
                  {column.name}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {personas.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row">
                <Text size="xs" fw={600} lineClamp={2}>
                  {row.name}
                </Text>
              </Table.Th>
              {personas.map((column) => {
                const same = row.id === column.id;
                const count = same ? row.count : (overlaps.get(pairKey(row.id, column.id)) ?? 0);
                const smaller = Math.min(row.count, column.count);
                const share = same ? 0 : smaller > 0 ? count / smaller : 0;
                return (
                  <Table.Td
                    key={column.id}
                    ta="center"
                    fw={same ? 700 : undefined}
                    title={same ? row.name : t('personas.coverage.pair', { a: row.name, b: column.name, shared: format(count) })}
                    style={{
                      fontVariantNumeric: 'tabular-nums',
                      background: same ? 'var(--mantine-color-gray-1)' : `rgba(76, 110, 245, ${(share * 0.55).toFixed(3)})`,
                    }}
                  >
                    {format(count)}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
