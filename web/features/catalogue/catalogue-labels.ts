import type { TFunction } from 'i18next';
import { laender } from '../../lib/laender';
import type { FacetName, FacetValue } from './catalogue-types';

/**
 * How a facet value reads on screen: maturities, software types, kinds and statuses are
 * translated; a Land may come as its key ("15") or its name; publiccode categories and SPDX
 * identifiers are names of their own and stay as written.
 */
export function facetValueLabel(t: TFunction, facet: FacetName, value: string, serverLabel?: string): string {
  switch (facet) {
    case 'maturity':
      return t(`catalogue.maturity.${value}`, { defaultValue: value });
    case 'softwareType':
      return t(`catalogue.softwareType.${value}`, { defaultValue: value });
    case 'applicantKind':
      return t(`orgKinds.${value}`, { defaultValue: t(`catalogue.applicantKind.${value}`, { defaultValue: value }) });
    case 'land':
      return serverLabel || landName(value) || value;
    case 'category':
      return serverLabel || t(`catalogue.category.${value}`, { defaultValue: value });
    default:
      return serverLabel || value;
  }
}

export function landName(value: string | null | undefined): string | null {
  if (!value) return null;
  // An ARS or AGS starts with the Land's key.
  const key = /^\d{2,}$/.test(value) ? value.slice(0, 2) : value;
  return laender.find((l) => l.key === key)?.name ?? value;
}

/** Chosen values stay listed even when the server counts none of them any more, so they can be cleared. */
export function facetOptions(values: FacetValue[] | undefined, chosen: string[]): FacetValue[] {
  const list = [...(values ?? [])];
  for (const value of chosen) if (!list.some((v) => v.value === value)) list.push({ value, label: '', count: 0 });
  return list;
}
