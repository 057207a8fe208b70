import type {
  LearnerProfile,
  LearnerProfilePatch,
  StoredReadingProgress,
} from "@textbook/profile-api/contract";
import type { LearnerProfileInput } from "./learner-profile.js";
import { ProfileApiError } from "./profile-api-error.js";
import type { ChapterProgress, ProgressUpdate } from "./progress/chapter-progress.js";
import type { TokenSource } from "./token-source.js";

/** A profile with the ETag that a later write must send back in `If-Match`. */
export interface VersionedProfile {
  profile: LearnerProfile;
  etag: string | null;
}

export interface ProfileApiClient {
  /** The caller's profile, or null when they have none yet. */
  getProfile(): Promise<VersionedProfile | null>;
  /** Creates or replaces the profile; with `etag`, only if nobody changed it since. */
  putProfile(input: LearnerProfileInput, etag?: string | null): Promise<VersionedProfile>;
  /** Changes some fields (JSON Merge Patch), only if the profile still has `etag`. */
  patchProfile(patch: LearnerProfilePatch, etag: string | null): Promise<VersionedProfile>;
  /** Everything the profile-api holds about the caller, as the JSON file it serves. */
  exportData(): Promise<Blob>;
  /** The learner's reading progress, most recently visited chapter first. */
  getProgress(): Promise<ChapterProgress[]>;
  /** Merges 1–100 chapters into the stored progress; `keepalive` lets the request outlive a closing page. */
  mergeProgress(chapters: ProgressUpdate[], options?: { keepalive?: boolean }): Promise<ChapterProgress[]>;
  /** Forgets all of the learner's reading progress. */
  resetProgress(): Promise<void>;
}

/**
 * The profile-api client: every request carries a Bearer JWT from `tokens`, and a 401 (an expired or rotated
 * token) is retried once with a freshly fetched token before it is reported.
 */
export function createProfileApiClient(baseUrl: string, tokens: TokenSource): ProfileApiClient {
  const send = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const attempt = async () => {
      const token = await tokens.get();
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${token}`);
      try {
        return await fetch(`${baseUrl}${path}`, { ...init, headers });
      } catch (error) {
        throw ProfileApiError.unavailable(error);
      }
    };
    const first = await attempt();
    if (first.status !== 401) return first;
    tokens.invalidate();
    return attempt();
  };

  const versioned = async (response: Response): Promise<VersionedProfile> => {
    if (!response.ok) throw await ProfileApiError.fromResponse(response);
    return { profile: (await response.json()) as LearnerProfile, etag: response.headers.get("etag") };
  };

  const progress = async (response: Response): Promise<ChapterProgress[]> => {
    if (!response.ok) throw await ProfileApiError.fromResponse(response);
    return ((await response.json()) as StoredReadingProgress).chapters;
  };

  const writeHeaders = (contentType: string, etag?: string | null): HeadersInit => ({
    "content-type": contentType,
    ...(etag ? { "if-match": etag } : {}),
  });

  return {
    async getProfile() {
      const response = await send("/v1/profiles/me");
      if (response.status === 404) {
        const error = await ProfileApiError.fromResponse(response);
        if (error.code === "profile_not_found") return null;
        throw error;
      }
      return versioned(response);
    },
    async putProfile(input, etag) {
      const body = JSON.stringify(input);
      return versioned(
        await send("/v1/profiles/me", {
          method: "PUT",
          body,
          headers: writeHeaders("application/json", etag),
        }),
      );
    },
    async patchProfile(patch, etag) {
      const headers = writeHeaders("application/merge-patch+json", etag);
      return versioned(
        await send("/v1/profiles/me", { method: "PATCH", body: JSON.stringify(patch), headers }),
      );
    },
    async exportData() {
      const response = await send("/v1/me/export");
      if (!response.ok) throw await ProfileApiError.fromResponse(response);
      return response.blob();
    },
    async getProgress() {
      return progress(await send("/v1/progress"));
    },
    async mergeProgress(chapters, { keepalive = false } = {}) {
      const body = JSON.stringify({ chapters });
      const headers = writeHeaders("application/json");
      return progress(await send("/v1/progress", { method: "PATCH", body, headers, keepalive }));
    },
    async resetProgress() {
      const response = await send("/v1/progress", { method: "DELETE" });
      if (!response.ok) throw await ProfileApiError.fromResponse(response);
    },
  };
}
