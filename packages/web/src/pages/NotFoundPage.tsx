/**
 * @module pages/NotFoundPage
 * Any address that is not a page.
 */
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

export default function NotFoundPage(): React.JSX.Element {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <p>
        If you typed the web address, check it is correct. If you pasted it, check you copied the whole
        address.
      </p>
      <p>
        <Link to="/">Go to the list of organisations</Link>
      </p>
    </>
  );
}
