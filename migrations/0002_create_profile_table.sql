-- Creates the learner profile of the contract (shared/ARCHITECTURE.md): one row per user, gone with the user,
-- with a version number for optimistic concurrency (ETag / If-Match). Lengths and list rules are the API's write
-- rules, not constraints: data migrated from Supabase is kept byte for byte. Only the background levels are
-- checked, because personalisation depends on them being one of the known values.

CREATE TABLE profile (
  user_id uuid PRIMARY KEY REFERENCES "user" ("id") ON DELETE CASCADE,
  display_name text NOT NULL,
  avatar_url text,
  software_background text CHECK (software_background IN ('none', 'beginner', 'intermediate', 'advanced')),
  hardware_background text CHECK (hardware_background IN ('none', 'beginner', 'intermediate', 'advanced')),
  programming_languages text[] NOT NULL DEFAULT '{}',
  robotics_experience text,
  learning_goals text,
  preferred_language text NOT NULL DEFAULT 'en',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
