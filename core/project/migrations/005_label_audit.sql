-- Schema 5: who made each label and from what, every label edit in an audit trail, the
-- analysts' own classes, and who decided on each detection and how long it took.

-- Provenance of a label: 'manual' (marked by hand), 'model' (made from a detection: what
-- the model said is kept here, since detections are replaced when a video is re-scored),
-- 'import' (from a labels file).
ALTER TABLE labels ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE labels ADD COLUMN source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'model', 'import'));
ALTER TABLE labels ADD COLUMN model_id INTEGER REFERENCES models (id) ON DELETE SET NULL;
ALTER TABLE labels ADD COLUMN model_class TEXT NOT NULL DEFAULT '';
ALTER TABLE labels ADD COLUMN model_start INTEGER;
ALTER TABLE labels ADD COLUMN model_end INTEGER;
ALTER TABLE labels ADD COLUMN model_peak REAL;
ALTER TABLE labels ADD COLUMN model_mean REAL;
ALTER TABLE labels ADD COLUMN decision_seconds REAL;
ALTER TABLE labels ADD COLUMN detection_id INTEGER; -- no foreign key: detections are replaced on re-scoring

-- One row per label edit, written in the edit's own transaction: who, when, and the label
-- before and after as JSON ('' for none: an add has no before, a removal no after).
CREATE TABLE label_audit (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    label_id INTEGER NOT NULL,          -- no foreign key: the trail outlives the label
    video_id INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    at       TEXT    NOT NULL,
    author   TEXT    NOT NULL,
    action   TEXT    NOT NULL CHECK (action IN ('add', 'change', 'remove')),
    before   TEXT    NOT NULL,
    after    TEXT    NOT NULL
);
CREATE INDEX label_audit_by_label ON label_audit (label_id, id);
CREATE INDEX label_audit_by_video ON label_audit (video_id, id);

-- Classes an analyst added that no model has (e.g. Loitering), usable for labels at once.
CREATE TABLE custom_classes (
    name    TEXT PRIMARY KEY NOT NULL COLLATE NOCASE CHECK (trim(name) <> ''),
    created TEXT NOT NULL,
    author  TEXT NOT NULL
) WITHOUT ROWID;

-- The analyst's decision on a detection: who, and seconds from showing it to deciding.
ALTER TABLE detections ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE detections ADD COLUMN decision_seconds REAL;
