import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatMoney } from '../../lib/format';
import { GermanyMap, type MapPoint } from '../catalogue/GermanyMap';
import type { PublicProject } from './portal-api';
import '../catalogue/catalogue.css';
import './portal.css';

export const projectPath = (id: string) => `/portal/projects/${id}`;

/**
 * The funded projects on the map of the Länder, each marker a link to its project, and the same
 * projects as a table beside it: the table is what screen readers and keyboard users rely on.
 */
export function ProjectsMapAndTable({ projects }: { projects: PublicProject[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const points: MapPoint[] = projects.map((p) => ({
    id: p.id,
    name: `${p.organisation.name}: ${p.title}`,
    lat: p.latitude,
    lon: p.longitude,
    role: 'provider',
    href: projectPath(p.id),
  }));
  return (
    <div className="map-and-table map-and-table--wide">
      <div className="portal-map">
        <GermanyMap points={points} label={t('portal.projects.mapLabel', { count: projects.length })} labelled="none" />
      </div>
      <Table
        caption={t('portal.projects.tableCaption')}
        small
        columns={[
          { label: t('portal.projects.organisation') },
          { label: t('portal.projects.project') },
          { label: t('portal.projects.land') },
          { label: t('portal.projects.approved'), numeric: true },
          { label: t('portal.projects.phase') },
        ]}
      >
        {projects.map((p) => (
          <tr className="kern-table__row" key={p.id}>
            <Cell header>{p.organisation.name}</Cell>
            <Cell>
              <Link className="kern-link" to={projectPath(p.id)}>
                {p.title}
              </Link>
            </Cell>
            <Cell>{p.land?.name ?? '–'}</Cell>
            <Cell numeric>{formatMoney(p.approvedCents, lang, { whole: true })}</Cell>
            <Cell>{t(`portal.phases.${p.currentPhase ?? 'none'}`)}</Cell>
          </tr>
        ))}
      </Table>
    </div>
  );
}
