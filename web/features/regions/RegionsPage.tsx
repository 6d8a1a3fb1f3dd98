import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../api/types';
import { DescriptionList } from '../../components/badges';
import { Page, Section } from '../../components/page';
import { RegionCombobox } from '../../components/RegionCombobox';
import { useLang } from '../../i18n';
import { formatNumber } from '../../lib/format';

/** Public lookup in the municipal register: the keys (AGS, ARS) and facts of a municipality. */
export function RegionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [region, setRegion] = useState<Region | null>(null);
  return (
    <Page title={t('regions.title')} lead={t('regions.lead')}>
      <div className="narrow-form">
        <RegionCombobox label={t('regions.search')} hint={t('regions.searchHint')} onSelect={setRegion} />
      </div>
      {region && (
        <Section title={region.name} id="region-details">
          <DescriptionList
            items={[
              [t('regions.ags'), <code key="ags">{region.ags}</code>],
              [t('regions.ars'), <code key="ars">{region.ars}</code>],
              [t('regions.kind'), region.kind],
              [t('regions.level'), t(`regions.levels.${region.level}`, { defaultValue: region.level })],
              [t('regions.population'), region.population != null ? formatNumber(region.population, lang) : t('common.unknown')],
              ...(region.kreisName ? [[t('regions.kreis'), region.kreisName] as [string, string]] : []),
              ...(region.landName ? [[t('regions.land'), region.landName] as [string, string]] : []),
              ...(region.latitude != null && region.longitude != null
                ? [[t('regions.coordinates'), `${region.latitude.toFixed(4)}, ${region.longitude.toFixed(4)}`] as [string, string]]
                : []),
            ]}
          />
        </Section>
      )}
      <p className="kern-body kern-body--small source-note">{t('regions.source')}</p>
    </Page>
  );
}
