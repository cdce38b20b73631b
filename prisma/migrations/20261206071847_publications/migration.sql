-- Several publications: each gets a URL short code, a masthead title apart from its name (null
-- prints the name), and a place in the switcher (the first is the default). Existing rows are
-- filled in: the first publication becomes `weekly`, any other `pub-<id>`.
ALTER TABLE "Publication" ADD COLUMN "mastheadTitle" TEXT,
ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "slug" TEXT;

UPDATE "Publication" AS p SET
  "slug" = CASE WHEN ranked.n = 1 THEN 'weekly' ELSE 'pub-' || p."id" END,
  "position" = ranked.n - 1
FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS n FROM "Publication") AS ranked
WHERE ranked."id" = p."id";

ALTER TABLE "Publication" ALTER COLUMN "slug" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Publication_name_key" ON "Publication"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_slug_key" ON "Publication"("slug");
