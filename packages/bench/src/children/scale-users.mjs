// The users of the scale pair (fake-scale.ts) and of its memory child (memory-per-user.mjs),
// seeded through the fake's public addUser: no password, so no PBKDF2 at seed time.

const FIRST_NAMES = ["Ann", "bob", "Carla", "dmitri", "Eve", "frank", "Grace", "heidi"];

/**
 * Adds `size` users to the application: distinct emails in an order unrelated to creation order,
 * eight first names in mixed case, 97 last names and one tag.
 * @param {{ addUser(applicationId: string, user: object): object }} fake
 * @param {string} applicationId
 * @param {number} size
 * @param {(user: object) => void} [onUser] called with each user as addUser returns it
 */
export function seedUsers(fake, applicationId, size, onUser) {
  for (let i = 0; i < size; i++) {
    const user = fake.addUser(applicationId, {
      email: `user${String((i * 7919) % size).padStart(6, "0")}@example${i % 10}.com`,
      firstName: FIRST_NAMES[i % FIRST_NAMES.length],
      lastName: `Last${i % 97}`,
      userTags: { tier: i % 3 === 0 ? "gold" : "basic" },
    });
    onUser?.(user);
  }
}
