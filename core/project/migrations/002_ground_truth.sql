-- Ground-truth anomaly intervals per video, imported from a dataset's annotation file.
CREATE TABLE ground_truth (
    id INTEGER PRIMARY KEY,
    video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
    start_frame INTEGER NOT NULL CHECK (start_frame >= 0),
    end_frame INTEGER NOT NULL CHECK (end_frame > start_frame),
    class_name TEXT NOT NULL
);
CREATE INDEX ground_truth_video ON ground_truth(video_id);
