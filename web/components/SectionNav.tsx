import { NavLink } from 'react-router';

/**
 * A section's own pages (the catalogue's, the portal's) as a secondary navigation under the page
 * heading; `aria-current` marks the page one is on.
 */
export function SectionNav({ label, links, className }: { label: string; links: Array<[to: string, text: string]>; className: string }) {
  return (
    <nav className={className} aria-label={label}>
      <ul>
        {links.map(([to, text]) => (
          <li key={to}>
            <NavLink to={to} end className="kern-link">
              {text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
