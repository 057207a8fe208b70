-- Adds what a learner can run the labs on (issue 17): any of 'simulation', 'gpu' (a GPU workstation or a Jetson)
-- and 'robot' (a real robot or kit), or NULL when not answered. Existing rows stay NULL: the website then reads the
-- older hardware_background as before (intermediate and advanced mean a robot), so no profile changes meaning.
ALTER TABLE profile
  ADD COLUMN lab_hardware text[]
  CHECK (lab_hardware <@ ARRAY['simulation', 'gpu', 'robot']::text[]);
