/**
 * Whether the server listed `action` among what the caller may do with this object (its
 * `allowedActions`): buttons follow this, never a copy of the policies.
 */
export function allows<A extends string>(object: { allowedActions: readonly A[] } | null | undefined, action: A): boolean {
  return object?.allowedActions.includes(action) ?? false;
}
