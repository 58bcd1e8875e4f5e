/** The platform mark: a stylised seal in the portal's blue, red and gold. Not a state emblem. */
export function Emblem({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="32" cy="32" r="30" fill="#c8161d" />
      <circle cx="32" cy="32" r="25" fill="none" stroke="#f3c24c" strokeWidth="2.5" />
      <path d="M32 14l4.1 8.3 9.2 1.3-6.6 6.5 1.5 9.1L32 35l-8.2 4.2 1.5-9.1-6.6-6.5 9.2-1.3z" fill="#f3c24c" />
      <path d="M19 46h26" stroke="#fff" strokeWidth="3.5" strokeLinecap="round" />
      <path d="M23 51h18" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
