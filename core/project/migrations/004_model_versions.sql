-- Schema 4: fine-tuned model versions and the class of a video as a whole.
-- A version is a model of `models` made by a training run: where it came from, the data
-- and settings it was trained with and what the run measured (JSON documents).
CREATE TABLE model_versions (
    model_id        INTEGER PRIMARY KEY REFERENCES models (id) ON DELETE CASCADE,
    parent_model_id INTEGER REFERENCES models (id) ON DELETE SET NULL,
    data            TEXT NOT NULL, -- training and validation videos, label counts and revision
    options         TEXT NOT NULL, -- hyper-parameters and seed
    metrics         TEXT NOT NULL, -- per-epoch losses and validation, the best epoch
    created         TEXT NOT NULL
);
-- The weak label of the datasets: the video's class ('' when not known).
ALTER TABLE videos ADD COLUMN video_class TEXT NOT NULL DEFAULT '';
