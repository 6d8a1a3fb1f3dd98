import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { compactMoney, niceScale, roundBarTotal, roundSegments } from './funding-model';
import type { Budget } from './funding-types';
import { MoneyLegend } from './FundingBits';

const WIDTH = 640;
const LABEL = 110;
const RIGHT = 44;
const ROW = 40;
const BAR = 22;
const AXIS = 28;

/**
 * Each round's envelope as a stacked bar: disbursed, requested, committed but not yet requested,
 * not committed. The picture is one image with a name; its figures are in the table beside it,
 * and as data attributes for tests and tools.
 */
export function RoundsChart({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const lang = useLang();
  const captionId = useId();
  const scale = niceScale(Math.max(0, ...budget.rounds.map(roundBarTotal)));
  const plot = WIDTH - LABEL - RIGHT;
  const x = (cents: number) => LABEL + (cents / scale.maxCents) * plot;
  const height = AXIS + budget.rounds.length * ROW + 8;
  return (
    <figure className="budget-chart">
      <figcaption id={captionId}>{t('funding.budget.roundsChart')}</figcaption>
      <MoneyLegend kinds={['disbursed', 'pending', 'committedOpen', 'uncommitted']} />
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={captionId}
        data-testid="budget-rounds-chart"
        data-disbursed-cents={budget.totals.disbursedCents}
        data-committed-cents={budget.totals.committedCents}
        data-pending-cents={budget.totals.pendingCents}
      >
        <g className="axis">
          {scale.ticks.map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={AXIS - 6} y2={height - 4} />
              <text x={x(tick)} y={AXIS - 10} textAnchor="middle">
                {compactMoney(tick, lang)}
              </text>
            </g>
          ))}
        </g>
        {budget.rounds.map((round, i) => {
          const y = AXIS + i * ROW + (ROW - BAR) / 2;
          return (
            <g key={round.roundId} data-round={round.name} data-disbursed-cents={round.disbursedCents} data-pending-cents={round.pendingCents} data-committed-cents={round.committedCents}>
              <text className="bar-label" x={LABEL - 8} y={y + BAR / 2 + 4} textAnchor="end">
                {round.name}
              </text>
              {roundSegments(round)
                .filter((s) => s.length > 0)
                .map((s) => (
                  <rect key={s.kind} className={`seg--${s.kind}`} x={x(s.start)} y={y} width={Math.max(0.5, x(s.start + s.length) - x(s.start))} height={BAR} />
                ))}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

const YEAR_HEIGHT = 220;

/** Per calendar year: what was committed (by decision year) and what was paid out (by approval year). */
export function YearsChart({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const lang = useLang();
  const captionId = useId();
  const scale = niceScale(Math.max(0, ...budget.years.flatMap((y) => [y.committedCents, y.disbursedCents])));
  const left = 80;
  const top = 12;
  const bottom = 28;
  const plotH = YEAR_HEIGHT - top - bottom;
  const slot = (WIDTH - left - RIGHT) / Math.max(1, budget.years.length);
  const bar = Math.min(28, slot / 3);
  const y = (cents: number) => top + plotH - (cents / scale.maxCents) * plotH;
  return (
    <figure className="budget-chart">
      <figcaption id={captionId}>{t('funding.budget.yearsChart')}</figcaption>
      <MoneyLegend kinds={['committed', 'disbursed']} />
      <svg viewBox={`0 0 ${WIDTH} ${YEAR_HEIGHT}`} role="img" aria-labelledby={captionId} data-testid="budget-years-chart">
        <g className="axis">
          {scale.ticks.map((tick) => (
            <g key={tick}>
              <line x1={left} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
              <text x={left - 6} y={y(tick) + 4} textAnchor="end">
                {compactMoney(tick, lang)}
              </text>
            </g>
          ))}
        </g>
        {budget.years.map((year, i) => {
          const cx = left + i * slot + slot / 2;
          return (
            <g key={year.year} data-year={year.year} data-committed-cents={year.committedCents} data-disbursed-cents={year.disbursedCents}>
              <rect className="seg--committed" x={cx - bar} y={y(year.committedCents)} width={bar} height={top + plotH - y(year.committedCents)} />
              <rect className="seg--disbursed" x={cx} y={y(year.disbursedCents)} width={bar} height={top + plotH - y(year.disbursedCents)} />
              <text className="bar-label" x={cx} y={YEAR_HEIGHT - 8} textAnchor="middle">
                {year.year}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
