/**
 * The other half of the route table's pages (see routes.e2e.test.ts and routes-table.ts): split so
 * that two e2e workers share them.
 */
import { checkRoutes } from './routes-table';

checkRoutes(1);
