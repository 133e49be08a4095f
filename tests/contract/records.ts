import type { NewAttempt, Store } from "../../src/core/ports.ts";

/** A moment of the test's day, `minutes` after 10:00 UTC on exam day. */
export const at = (minutes = 0): Date => new Date(Date.UTC(2026, 10, 28, 10, minutes));

/** A practice answer to 3a by `user` in course "c", with whatever the test changes. */
export function attempt(user: string, changes: Partial<NewAttempt> = {}): NewAttempt {
  return {
    course: "c", user, question: "3a", mode: "practice", examSession: null, answer: "false, it helps generalization",
    justification: null, score: 3, max: 5, items: [{ id: "choice", label: "False", points: 3, earned: 3, note: "the right choice" }],
    feedback: ["Right choice."], needsReview: false, graderVersion: "g1", createdAt: at(), ...changes,
  };
}

/** A student with a display name, enrolled in course "c" (the course and the user exist first, as the app makes them). */
export async function enrolled(store: Store, user: string, name: string, section: string | null = null): Promise<void> {
  await store.courses.ensure("c", "Course");
  await store.enrollments.upsertUser(user, name);
  await store.enrollments.enroll("c", user, section);
}
