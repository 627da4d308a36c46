/** The demo agents seeded on an empty store (see signaling/services/bootstrap.ts). */
import { DEMO_PASSWORD } from '../../signaling/setup/bootstrap.js';

export const ANA = { email: 'ana@demo.switchboard', password: DEMO_PASSWORD, name: 'Ana Lima' };
export const BEN = { email: 'ben@demo.switchboard', password: DEMO_PASSWORD, name: 'Ben Okafor' };
