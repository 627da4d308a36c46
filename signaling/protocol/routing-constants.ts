/** Routing names shared by the server and the admin screens, without any validation code. */

export const ROUTING_STRATEGIES = ['longest-idle', 'round-robin', 'least-busy', 'fewest-today', 'ring-all', 'top-down', 'random', 'best-skill'] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
