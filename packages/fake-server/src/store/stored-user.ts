/**
 * A user as the store keeps it: immutable (an update replaces the record), dates as epoch
 * milliseconds, tags in a Map so that keys such as `__proto__` stay plain data, and the password
 * only as a pending PBKDF2 hash.
 */
export interface StoredUser {
  readonly id: string;
  readonly applicationId: string;
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly avatarUrl?: string;
  /** As given (normalized to UTC when JavaScript can represent it). */
  readonly tokenCutoff?: string;
  readonly creationDate: number;
  readonly lastUpdated: number;
  readonly passwordLastUpdated?: number;
  readonly lastLogin?: number;
  readonly userTags: ReadonlyMap<string, string>;
  /** Group memberships, in the order they were given, without repeats. */
  readonly groupIds: readonly string[];
  /** email, firstName and lastName lowercased once, for glob filters and `$ci` queries. */
  readonly emailLower: string;
  readonly firstNameLower?: string;
  readonly lastNameLower?: string;
  /** The PBKDF2 hash of the password, being computed; never rendered. */
  readonly passwordHash?: Promise<string>;
}

/** An Experience Group: only what membership, ancestry and the user view need. */
export interface StoredGroup {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}

/** The fields a stored user is made of; the lowercased copies are derived. */
type StoredUserFields = Omit<StoredUser, "emailLower" | "firstNameLower" | "lastNameLower">;

/** How many distinct lowercased names {@link sharedLowerCase} shares; later ones are not kept. */
const SHARED_NAMES = 10_000;
const sharedNames = new Map<string, string>();

/**
 * The lowercased name, one copy per distinct name (up to {@link SHARED_NAMES}): names repeat, and
 * 1,000,000 users with eight first names made 500,000 copies of four, which a query reading
 * firstName $ci had to fetch one by one (80-98 ms instead of 103-178 ms at 1M users, bench runs).
 */
function sharedLowerCase(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const lower = name.toLowerCase();
  const shared = sharedNames.get(lower);
  if (shared !== undefined) return shared;
  if (sharedNames.size < SHARED_NAMES) sharedNames.set(lower, lower);
  return lower;
}

/**
 * Makes a user record from one object literal listing every field in the same order, so that all
 * records share one V8 hidden class (records made by object spread each got their own, which made
 * every property read of a 100,000-user scan megamorphic and ten times slower).
 */
export function storedUser(fields: StoredUserFields): StoredUser {
  return {
    id: fields.id,
    applicationId: fields.applicationId,
    email: fields.email,
    firstName: fields.firstName,
    lastName: fields.lastName,
    avatarUrl: fields.avatarUrl,
    tokenCutoff: fields.tokenCutoff,
    creationDate: fields.creationDate,
    lastUpdated: fields.lastUpdated,
    passwordLastUpdated: fields.passwordLastUpdated,
    lastLogin: fields.lastLogin,
    userTags: fields.userTags,
    groupIds: fields.groupIds,
    passwordHash: fields.passwordHash,
    emailLower: fields.email.toLowerCase(),
    firstNameLower: sharedLowerCase(fields.firstName),
    lastNameLower: sharedLowerCase(fields.lastName),
  };
}
