/** Who is doing something, as every service sees it. Built by the auth hook from the session, or by the CLI. */
export const STAFF_ROLES = ['window_officer', 'reviewer', 'department_admin', 'platform_admin', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface OnBehalfOf {
  type: 'enterprise';
  uscc: string;
  name: string;
  relation: 'legal_rep' | 'agent';
  /** '*' for the legal representative; the granted scopes for an agent. */
  scopes: '*' | string[];
  grantId: string | null;
  grantExpiresAt: string | null;
}

export interface Actor {
  kind: 'citizen' | 'staff' | 'system' | 'anonymous';
  userId: string | null;
  username: string;
  displayName: string;
  /** The citizen ID number of the person behind the account (citizens; staff where known). */
  idNumber: string | null;
  roles: StaffRole[];
  departmentId: string | null;
  /** Region code of the staff member's department. */
  regionCode: string | null;
  /** Extra region subtrees a staff member may see, granted by a platform admin. */
  grantedRegionCodes: string[];
  sessionId: string | null;
  onBehalfOf: OnBehalfOf | null;
  requestId: string | null;
}

export function systemActor(name = 'system', requestId: string | null = null): Actor {
  return {
    kind: 'system',
    userId: null,
    username: name,
    displayName: name,
    idNumber: null,
    roles: [],
    departmentId: null,
    regionCode: null,
    grantedRegionCodes: [],
    sessionId: null,
    onBehalfOf: null,
    requestId,
  };
}

export const anonymousActor = (requestId: string | null = null): Actor => ({ ...systemActor('anonymous', requestId), kind: 'anonymous' });

export const hasRole = (actor: Actor, ...roles: StaffRole[]): boolean => actor.roles.some((r) => roles.includes(r));

/** "enterprise:<uscc>" or null: how audit entries and access logs record on whose behalf something was done. */
export const onBehalfOfLabel = (actor: Actor): string | null => (actor.onBehalfOf ? `enterprise:${actor.onBehalfOf.uscc}` : null);
