-- Schema 1 of a Vigil project: videos, models, score tracks (blobs), detections with their
-- review state, and the per-project detection settings. Run in one transaction by
-- Migrations; ProjectStore sets PRAGMA application_id and meta.schema_version beside it.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Times are ISO 8601 UTC with milliseconds ("2024-05-01T12:00:00.000Z"), so text order is
-- time order and the date filters compare strings.
CREATE TABLE videos (
    id               INTEGER PRIMARY KEY,
    path             TEXT    NOT NULL UNIQUE CHECK (path <> ''),
    fingerprint      TEXT    NOT NULL DEFAULT '',
    frame_count      INTEGER NOT NULL DEFAULT 0 CHECK (frame_count >= 0),
    frame_rate       REAL    NOT NULL DEFAULT 0 CHECK (frame_rate >= 0),
    width            INTEGER NOT NULL DEFAULT 0 CHECK (width >= 0),
    height           INTEGER NOT NULL DEFAULT 0 CHECK (height >= 0),
    duration_seconds REAL    NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
    file_size        INTEGER NOT NULL DEFAULT 0 CHECK (file_size >= 0),
    added            TEXT    NOT NULL
);
CREATE INDEX videos_by_fingerprint ON videos (fingerprint);
CREATE INDEX videos_by_added ON videos (added);

CREATE TABLE models (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL DEFAULT '',
    checkpoint_path     TEXT NOT NULL,
    centroid_path       TEXT NOT NULL DEFAULT '',
    labels              TEXT NOT NULL DEFAULT '',
    encoder_fingerprint TEXT NOT NULL DEFAULT '',
    head_fingerprint    TEXT NOT NULL DEFAULT '',
    added               TEXT NOT NULL,
    UNIQUE (checkpoint_path, head_fingerprint)
);

-- One track per (video, model): float32 little-endian blobs, scores [frames] and
-- class_probs [frames, classes]; blob_format says how they are encoded (1 = raw f32le).
CREATE TABLE score_tracks (
    video_id    INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    model_id    INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    frames      INTEGER NOT NULL CHECK (frames >= 0),
    classes     INTEGER NOT NULL CHECK (classes >= 0),
    normal_id   INTEGER NOT NULL,
    class_names TEXT    NOT NULL,  -- JSON array, model order
    stride      INTEGER NOT NULL CHECK (stride >= 1),
    blob_format INTEGER NOT NULL,
    scores      BLOB    NOT NULL,
    class_probs BLOB    NOT NULL,
    created     TEXT    NOT NULL,
    PRIMARY KEY (video_id, model_id)
) WITHOUT ROWID;
CREATE INDEX score_tracks_by_model ON score_tracks (model_id);

-- Detections reference the video and the model, not the score track, so rescoring a
-- video never deletes the analyst's review state; replaceDetections carries it over.
CREATE TABLE detections (
    id                    INTEGER PRIMARY KEY,
    video_id              INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    model_id              INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    start_frame           INTEGER NOT NULL CHECK (start_frame >= 0),
    end_frame             INTEGER NOT NULL CHECK (end_frame > start_frame),
    peak_frame            INTEGER NOT NULL CHECK (peak_frame >= start_frame AND peak_frame < end_frame),
    peak_score            REAL    NOT NULL,
    mean_score            REAL    NOT NULL,
    top_class             INTEGER NOT NULL DEFAULT -1,
    top_class_probability REAL    NOT NULL DEFAULT 0,
    state                 INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)),
    corrected_class       INTEGER NOT NULL DEFAULT -1 CHECK (corrected_class >= -1),
    note                  TEXT    NOT NULL DEFAULT '',
    reviewed_at           TEXT
);
CREATE INDEX detections_by_track ON detections (video_id, model_id, start_frame);
CREATE INDEX detections_by_model ON detections (model_id);
CREATE INDEX detections_by_peak ON detections (peak_score DESC);

-- Exactly one row: the segmentation settings of this project.
CREATE TABLE detection_settings (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    threshold            REAL NOT NULL CHECK (threshold >= 0 AND threshold <= 1),
    hysteresis           REAL NOT NULL CHECK (hysteresis >= 0),
    min_duration_seconds REAL NOT NULL CHECK (min_duration_seconds >= 0),
    merge_gap_seconds    REAL NOT NULL CHECK (merge_gap_seconds >= 0)
);
INSERT INTO detection_settings (id, threshold, hysteresis, min_duration_seconds, merge_gap_seconds)
VALUES (1, 0.5, 0.1, 1.0, 2.0);
