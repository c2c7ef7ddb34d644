/** The roles a workspace account can have, from least to most trusted. */
export const roles = ['viewer', 'reviewer', 'administrator'] as const;

/** A workspace account's role. */
export type Role = (typeof roles)[number];

/** Plain-English names of the roles, with what each may do. */
export const roleDescriptions: Readonly<Record<Role, string>> = {
  viewer: 'Viewer: can read the workspace, including findings not yet reviewed',
  reviewer:
    'Reviewer: can also upload documents, decide findings, record assurances and returns, and edit organisations',
  administrator: 'Administrator: can also manage accounts and roles',
};

/** Who may use a route: anyone, or a signed-in account with at least this role. */
export type Access = 'public' | Role;

/** True when someone signed in with `role` (or signed out, `null`) may use a route of `access`. */
export function mayAccess(role: Role | null, access: Access): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return roles.indexOf(role) >= roles.indexOf(access);
}

/** The role named by stored or submitted text, or undefined. */
export function roleOf(text: string): Role | undefined {
  return roles.find((role) => role === text);
}
