/**
 * @module app/Layout
 * Every page's frame, as the NHS.UK design system lays it out: skip link, header with the service
 * name, the account links (sign in, or the person signed in) and navigation, the main region, and
 * the footer.
 */
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { AccountNav } from '../components/account/AccountNav';
import '../styles/navigation.css';

const NAV: readonly { to: string; label: string }[] = [
  { to: '/', label: 'Organisations' },
  { to: '/measures', label: 'Measures' },
  { to: '/imports/new', label: 'Import data' },
  { to: '/library', label: 'Library' },
];

export function Layout(): React.JSX.Element {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const shown = useRef(location.pathname);
  // After navigation to another page, move focus to the main region so that screen reader and
  // keyboard users start at the new page (not on first load; StrictMode's second run is no navigation).
  useEffect(() => {
    if (shown.current === location.pathname) return;
    shown.current = location.pathname;
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <header className="nhsuk-header" role="banner">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <Link className="nhsuk-header__service-logo" to="/" aria-label="Groundswell homepage">
              <span className="nhsuk-header__service-name">Groundswell</span>
            </Link>
          </div>
          <AccountNav />
        </div>
        <nav className="nhsuk-header__navigation" aria-label="Menu">
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {NAV.map((item) => (
                <li className="nhsuk-header__navigation-item" key={item.to}>
                  <NavLink className="nhsuk-header__navigation-link" to={item.to} end={item.to === '/'}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" ref={main} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer role="contentinfo">
        <div className="nhsuk-footer">
          <div className="nhsuk-width-container">
            <p className="nhsuk-body-s gs-footer-text">
              Groundswell: measurement for improvement, using NHS England&apos;s Making Data Count method.
              Demo data: NHS England A&amp;E attendances and emergency admissions (Open Government Licence
              v3.0); ward-level measures are synthetic.
            </p>
          </div>
        </div>
      </footer>
    </>
  );
}
