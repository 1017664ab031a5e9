-- The analysts' own labels: intervals marked by hand on a video (an event the model
-- missed, the true extent of one it found), with a class name and a note. Class names,
-- not model indices, so labels outlive any model; they feed fine-tuning and metrics.
CREATE TABLE labels (
    id          INTEGER PRIMARY KEY AUTOINCREMENT, -- ids never reused: undo restores by id
    video_id    INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    start_frame INTEGER NOT NULL CHECK (start_frame >= 0),
    end_frame   INTEGER NOT NULL CHECK (end_frame > start_frame), -- exclusive
    class_name  TEXT    NOT NULL CHECK (class_name <> ''),
    note        TEXT    NOT NULL DEFAULT '',
    created     TEXT    NOT NULL,
    modified    TEXT    NOT NULL
);
CREATE INDEX labels_by_video ON labels (video_id, start_frame);
