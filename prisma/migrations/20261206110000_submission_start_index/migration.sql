-- The 来稿 list's 疑似重复 flag compares the start of each submission's text (its first 60
-- characters without white space) with the submissions of the year around it: an index on
-- that start and the date turns the comparison into one index probe per listed submission.
-- The expression must stay the same as in flagLikelyDuplicates (lib/data/submissions.ts).
CREATE INDEX "Submission_bodyStart_createdAt_idx" ON "Submission" ((left(regexp_replace(left("bodyText", 120), '\s+', '', 'g'), 60)), "createdAt");
