<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>KeyMap</name>
    <message>
        <source>There is no action %1.</source>
        <translation>Es gibt keine Aktion %1.</translation>
    </message>
    <message>
        <source>%1 is already used by &quot;%2&quot; (%3).</source>
        <translation>%1 wird bereits von „%2“ (%3) verwendet.</translation>
    </message>
    <message>
        <source>Unknown action: %1</source>
        <translation>Unbekannte Aktion: %1</translation>
    </message>
    <message>
        <source>Unreadable key for %1: %2</source>
        <translation>Unlesbare Taste für %1: %2</translation>
    </message>
    <message>
        <source>%1 would do two things: &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>%1 hätte zwei Aufgaben: „%2“ und „%3“.</translation>
    </message>
</context>
<context>
    <name>LabelHistoryDialogs</name>
    <message>
        <source>History of Label %1</source>
        <translation>Verlauf der Markierung %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Label History of This Video</source>
        <translation>Markierungsverlauf dieses Videos</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Analyst Report</source>
        <translation>Analystenbericht</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analyst</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Accepted unchanged</source>
        <translation>Unverändert angenommen</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Unchanged share</source>
        <translation>Anteil unverändert</translation>
    </message>
    <message>
        <source>Mean decision time</source>
        <translation>Mittlere Entscheidungszeit</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Set the class of a video to &apos;%1&apos;</source>
        <translation>Klasse eines Videos auf „%1“ setzen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>frames %1-%2, %3%4</source>
        <translation>Frames %1-%2, %3%4</translation>
    </message>
    <message>
        <source>UCF-Crime temporal annotations (.txt)</source>
        <translation>Zeitliche UCF-Crime-Annotationen (.txt)</translation>
    </message>
    <message>
        <source>XD-Violence annotations.txt (.txt)</source>
        <translation>XD-Violence annotations.txt (.txt)</translation>
    </message>
    <message>
        <source>ShanghaiTech frame masks (folder of .npy)</source>
        <translation>ShanghaiTech-Frame-Masken (Ordner mit .npy-Dateien)</translation>
    </message>
    <message>
        <source>CSV, every field (.csv)</source>
        <translation>CSV, alle Felder (.csv)</translation>
    </message>
    <message>
        <source>JSON, every field and the project&apos;s classes (.json)</source>
        <translation>JSON, alle Felder und die Klassen des Projekts (.json)</translation>
    </message>
</context>
<context>
    <name>ScoreDialogs</name>
    <message>
        <source>Choose Model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <source>Checkpoint (last.ckpt)</source>
        <translation>Checkpoint (last.ckpt)</translation>
    </message>
    <message>
        <source>Normal centroid (ncentroid.pt)</source>
        <translation>Normal-Zentroid (ncentroid.pt)</translation>
    </message>
    <message>
        <source>Classes (ucf, xd, sht or a CSV file)</source>
        <translation>Klassen (ucf, xd, sht oder eine CSV-Datei)</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatisch (GPU, falls vorhanden)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU, int8 (about 2.5x faster with ViT-B/16, scores within 0.01 of fp32)</source>
        <translation>CPU, int8 (mit ViT-B/16 etwa 2,5-mal schneller, Werte weichen höchstens 0,01 von fp32 ab)</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>CUDA GPU, fp16</source>
        <translation>CUDA-GPU, fp16</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Detection Settings</source>
        <translation>Erkennungseinstellungen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Hysteresis (an event lasts while the score stays above threshold minus this)</source>
        <translation>Hysterese (ein Ereignis dauert an, solange der Wert über der Schwelle abzüglich dieses Betrags bleibt)</translation>
    </message>
    <message>
        <source>Minimum duration</source>
        <translation>Mindestdauer</translation>
    </message>
    <message>
        <source>Merge events closer than</source>
        <translation>Ereignisse zusammenführen bei Abstand unter</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>&amp;Device</source>
        <translation>&amp;Gerät</translation>
    </message>
    <message>
        <source>CPU &amp;threads</source>
        <translation>CPU-&amp;Threads</translation>
    </message>
    <message>
        <source>&amp;Batch (frames)</source>
        <translation>&amp;Batch (Frames)</translation>
    </message>
    <message>
        <source>&amp;Stride (every Nth frame)</source>
        <translation>&amp;Schrittweite (jeder n-te Frame)</translation>
    </message>
    <message>
        <source>&amp;Threshold</source>
        <translation>&amp;Schwelle</translation>
    </message>
    <message>
        <source>&amp;Hysteresis</source>
        <translation>&amp;Hysterese</translation>
    </message>
    <message>
        <source>Shortest &amp;detection (s)</source>
        <translation>Kürzeste &amp;Erkennung (s)</translation>
    </message>
    <message>
        <source>&amp;Merge gap (s)</source>
        <translation>&amp;Zusammenführungsabstand (s)</translation>
    </message>
    <message>
        <source>&amp;Feature cache folder</source>
        <translation>&amp;Merkmal-Cache-Ordner</translation>
    </message>
    <message>
        <source>Feature cache &amp;limit (GiB, 0: none)</source>
        <translation>Merkmal-Cache-&amp;Limit (GiB, 0: keins)</translation>
    </message>
    <message>
        <source>Seek &amp;proxy folder</source>
        <translation>Such-&amp;Proxy-Ordner</translation>
    </message>
    <message>
        <source>Seek proxy l&amp;imit (GiB, 0: none)</source>
        <translation>Such-Proxy-L&amp;imit (GiB, 0: keins)</translation>
    </message>
    <message>
        <source>&amp;Padding (s)</source>
        <translation>&amp;Vor- und Nachlauf (s)</translation>
    </message>
    <message>
        <source>&amp;Re-encode (frame-exact ends)</source>
        <translation>&amp;Neu kodieren (framegenaue Enden)</translation>
    </message>
    <message>
        <source>Burn in the &amp;overlay</source>
        <translation>&amp;Overlay einbrennen</translation>
    </message>
    <message>
        <source>Output &amp;folder</source>
        <translation>&amp;Ausgabeordner</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ihr &amp;Name</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Design</translation>
    </message>
</context>
<context>
    <name>SettingsTable</name>
    <message>
        <source>Where scoring runs: auto (CUDA when there is a GPU), cpu, cpu-int8 (about 2.5x faster with ViT-B/16, features close to fp32&apos;s), cuda, cuda-fp16.</source>
        <translation>Wo die Bewertung läuft: auto (CUDA, wenn eine GPU vorhanden ist), cpu, cpu-int8 (mit ViT-B/16 etwa 2,5-mal schneller, Merkmale nahe an fp32), cuda, cuda-fp16.</translation>
    </message>
    <message>
        <source>CPU threads for the model (0: one per core).</source>
        <translation>CPU-Threads für das Modell (0: einer pro Kern).</translation>
    </message>
    <message>
        <source>Frames in the image encoder at once.</source>
        <translation>Frames, die der Bild-Encoder gleichzeitig verarbeitet.</translation>
    </message>
    <message>
        <source>Score every Nth frame (1: every frame).</source>
        <translation>Jeden n-ten Frame bewerten (1: jeden Frame).</translation>
    </message>
    <message>
        <source>New projects: the score at which a frame is an alarm.</source>
        <translation>Neue Projekte: Anomaliewert, ab dem ein Frame als Alarm gilt.</translation>
    </message>
    <message>
        <source>New projects: how far below the threshold a detection ends.</source>
        <translation>Neue Projekte: wie weit unter der Schwelle eine Erkennung endet.</translation>
    </message>
    <message>
        <source>New projects: shortest detection, in seconds.</source>
        <translation>Neue Projekte: kürzeste Erkennung in Sekunden.</translation>
    </message>
    <message>
        <source>New projects: detections closer than this many seconds become one.</source>
        <translation>Neue Projekte: Erkennungen, die weniger Sekunden auseinanderliegen, werden zusammengeführt.</translation>
    </message>
    <message>
        <source>Feature cache folder (empty: ~/.cache/vigil/features).</source>
        <translation>Ordner des Merkmal-Cache (leer: ~/.cache/vigil/features).</translation>
    </message>
    <message>
        <source>Feature cache size limit in GiB; the least recently used go first (0: no limit).</source>
        <translation>Größenlimit des Merkmal-Cache in GiB; die am längsten nicht genutzten Einträge werden zuerst entfernt (0: kein Limit).</translation>
    </message>
    <message>
        <source>Seek proxy folder (empty: ~/.cache/vigil/proxies).</source>
        <translation>Ordner der Such-Proxys (leer: ~/.cache/vigil/proxies).</translation>
    </message>
    <message>
        <source>Seek proxy size limit in GiB; the least recently used go first (0: no limit).</source>
        <translation>Größenlimit der Such-Proxys in GiB; die am längsten nicht genutzten werden zuerst entfernt (0: kein Limit).</translation>
    </message>
    <message>
        <source>Seconds of video kept before and after an exported clip.</source>
        <translation>Sekunden Video, die vor und nach einem exportierten Clip erhalten bleiben.</translation>
    </message>
    <message>
        <source>Re-encode exported clips (frame-exact ends) instead of copying the stream where it can.</source>
        <translation>Exportierte Clips neu kodieren (framegenaue Enden), statt den Stream wo möglich zu kopieren.</translation>
    </message>
    <message>
        <source>Burn the time, frame, score and class into exported clips (re-encodes).</source>
        <translation>Zeit, Frame, Anomaliewert und Klasse in exportierte Clips einbrennen (kodiert neu).</translation>
    </message>
    <message>
        <source>Where clips are exported (empty: beside the project).</source>
        <translation>Zielordner für exportierte Clips (leer: neben dem Projekt).</translation>
    </message>
    <message>
        <source>The analyst&apos;s name in the audit trail (default: the login name).</source>
        <translation>Name des Analysten im Änderungsprotokoll (Standard: der Anmeldename).</translation>
    </message>
    <message>
        <source>Language of the desktop application (system: the desktop&apos;s). vigil-cli stays English.</source>
        <translation>Sprache der Desktop-Anwendung (system: die des Desktops). vigil-cli bleibt englisch.</translation>
    </message>
    <message>
        <source>Colours of the desktop application (system: the desktop&apos;s preference).</source>
        <translation>Farben der Desktop-Anwendung (system: nach Vorgabe des Desktops).</translation>
    </message>
    <message>
        <source>What a frame&apos;s truth is in the research window and the video list&apos;s figures.</source>
        <translation>Was im Forschungsfenster und in den Kennzahlen der Videoliste als Referenz für einen Frame gilt.</translation>
    </message>
    <message>
        <source>The main window&apos;s place and size.</source>
        <translation>Position und Größe des Hauptfensters.</translation>
    </message>
    <message>
        <source>The main window&apos;s docks and toolbars.</source>
        <translation>Docks und Werkzeugleisten des Hauptfensters.</translation>
    </message>
    <message>
        <source>Recent projects, newest first.</source>
        <translation>Zuletzt geöffnete Projekte, neueste zuerst.</translation>
    </message>
    <message>
        <source>The last checkpoint chosen.</source>
        <translation>Der zuletzt gewählte Checkpoint.</translation>
    </message>
    <message>
        <source>Its centroid.</source>
        <translation>Sein Zentroid.</translation>
    </message>
    <message>
        <source>Its class list (ucf, xd, sht or a CSV file).</source>
        <translation>Seine Klassenliste (ucf, xd, sht oder eine CSV-Datei).</translation>
    </message>
    <message>
        <source>CLIP&apos;s vocabulary file, for training new classes.</source>
        <translation>Vokabulardatei von CLIP, zum Trainieren neuer Klassen.</translation>
    </message>
    <message>
        <source>Whether the first start&apos;s system check ran.</source>
        <translation>Ob die Systemprüfung beim ersten Start gelaufen ist.</translation>
    </message>
    <message>
        <source>Keys changed from their defaults, one id=keys each (Settings &gt; Keyboard).</source>
        <translation>Von den Standardwerten abweichende Tasten, je ein Eintrag id=Tasten (Einstellungen &gt; Tastatur).</translation>
    </message>
</context>
<context>
    <name>SystemCheck</name>
    <message>
        <source>No %1 chosen.</source>
        <translation>Nicht gewählt: %1.</translation>
    </message>
    <message>
        <source>%1 is not there.</source>
        <translation>%1 ist nicht vorhanden.</translation>
    </message>
    <message>
        <source>%1 cannot be read (not a file, or no permission).</source>
        <translation>%1 kann nicht gelesen werden (keine Datei oder keine Berechtigung).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Everything Vigil needs is here.</source>
        <translation>Alles, was Vigil braucht, ist vorhanden.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>: each says below what to do</source>
        <translation>: Was jeweils zu tun ist, steht unten</translation>
    </message>
    <message>
        <source>AnomalyCLIP&apos;s authors publish the checkpoints: download the checkpoints folder from their Google Drive (%1, linked from github.com/luca-zanella-dvl/AnomalyCLIP) and choose checkpoints/&lt;dataset&gt;/last.ckpt.</source>
        <translation>Die Autoren von AnomalyCLIP veröffentlichen die Checkpoints: Laden Sie den Ordner checkpoints aus ihrem Google Drive herunter (%1, verlinkt auf github.com/luca-zanella-dvl/AnomalyCLIP), und wählen Sie checkpoints/&lt;dataset&gt;/last.ckpt.</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>checkpoint (last.ckpt)</source>
        <translation>Checkpoint (last.ckpt)</translation>
    </message>
    <message>
        <source>Normal centroid</source>
        <translation>Normal-Zentroid</translation>
    </message>
    <message>
        <source>normal centroid (ncentroid.pt)</source>
        <translation>Normal-Zentroid (ncentroid.pt)</translation>
    </message>
    <message>
        <source>ncentroid.pt comes with the checkpoint, in the same folder of the authors&apos; download: choose it.</source>
        <translation>ncentroid.pt gehört zum Checkpoint und liegt im selben Ordner des Downloads der Autoren: Wählen Sie diese Datei.</translation>
    </message>
    <message>
        <source>Class list</source>
        <translation>Klassenliste</translation>
    </message>
    <message>
        <source>%1: %2 classes (%3)</source>
        <translation>%1: %2 Klassen (%3)</translation>
    </message>
    <message>
        <source>Use ucf, xd or sht for the three datasets&apos; lists, or choose a CSV file of id,name rows.</source>
        <translation>Verwenden Sie ucf, xd oder sht für die Listen der drei Datensätze, oder wählen Sie eine CSV-Datei mit Zeilen der Form id,name.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>%1; %2 classes; encoder fingerprint %3; loaded in %4 s</source>
        <translation>%1; %2 Klassen; Encoder-Fingerabdruck %3; in %4 s geladen</translation>
    </message>
    <message>
        <source>The checkpoint, centroid and class list must belong together: the authors&apos; checkpoints/&lt;dataset&gt;/last.ckpt, its ncentroid.pt, and that dataset&apos;s classes.</source>
        <translation>Checkpoint, Zentroid und Klassenliste müssen zusammengehören: checkpoints/&lt;dataset&gt;/last.ckpt der Autoren, die zugehörige ncentroid.pt und die Klassen dieses Datensatzes.</translation>
    </message>
    <message>
        <source>Not loaded: the files above are needed first.</source>
        <translation>Nicht geladen: Zuerst werden die obigen Dateien benötigt.</translation>
    </message>
    <message>
        <source>CLIP vocabulary</source>
        <translation>CLIP-Vokabular</translation>
    </message>
    <message>
        <source>Not chosen (optional). Scoring does not need it; teaching a model a new class does.</source>
        <translation>Nicht gewählt (optional). Die Bewertung braucht es nicht, wohl aber das Anlernen einer neuen Klasse.</translation>
    </message>
    <message>
        <source>bpe_simple_vocab_16e6.txt.gz comes with CLIP and AnomalyCLIP&apos;s repository: choose it to check class names against the checkpoint and to add classes.</source>
        <translation>bpe_simple_vocab_16e6.txt.gz liegt den Repositorys von CLIP und AnomalyCLIP bei: Wählen Sie die Datei, um Klassennamen mit dem Checkpoint abzugleichen und Klassen hinzuzufügen.</translation>
    </message>
    <message>
        <source>vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <source>, CLIP&apos;s 48,894 merges</source>
        <translation>, die 48.894 Merge-Regeln von CLIP</translation>
    </message>
    <message>
        <source>Choose CLIP&apos;s own bpe_simple_vocab_16e6.txt.gz.</source>
        <translation>Wählen Sie die Original-Datei bpe_simple_vocab_16e6.txt.gz von CLIP.</translation>
    </message>
    <message>
        <source>Choose CLIP&apos;s bpe_simple_vocab_16e6.txt.gz.</source>
        <translation>Wählen Sie die Datei bpe_simple_vocab_16e6.txt.gz von CLIP.</translation>
    </message>
    <message>
        <source>Compute devices</source>
        <translation>Rechengeräte</translation>
    </message>
    <message>
        <source>CPU: %1 logical processors</source>
        <translation>CPU: %1 logische Prozessoren</translation>
    </message>
    <message numerus="yes">
        <source>; CUDA: %n device(s)</source>
        <translation>
            <numerusform>; CUDA: %n Gerät</numerusform>
            <numerusform>; CUDA: %n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>; no CUDA device found (LibTorch has CUDA %1)</source>
        <translation>; kein CUDA-Gerät gefunden (LibTorch enthält CUDA %1)</translation>
    </message>
    <message>
        <source>; this LibTorch is built without CUDA (docs/cuda.md says how to use a GPU)</source>
        <translation>; diese LibTorch-Version ist ohne CUDA gebaut (wie Sie eine GPU nutzen, steht in docs/cuda.md)</translation>
    </message>
    <message>
        <source>; Safe Mode: CPU only</source>
        <translation>; abgesicherter Modus: nur CPU</translation>
    </message>
    <message>
        <source>Scoring speed</source>
        <translation>Bewertungsgeschwindigkeit</translation>
    </message>
    <message>
        <source>Not measured.</source>
        <translation>Nicht gemessen.</translation>
    </message>
    <message>
        <source>Measured once a model loads.</source>
        <translation>Wird gemessen, sobald ein Modell geladen ist.</translation>
    </message>
    <message>
        <source>The image encoder runs about %1 frames/s on %2 (%3 frames in %4 s): an hour of 30 frames/s video takes %5 to encode, decoding beside it.</source>
        <translation>Der Bild-Encoder schafft auf %2 etwa %1 Frames/s (%3 Frames in %4 s): Eine Stunde Video mit 30 Frames/s braucht %5 zum Kodieren, das Dekodieren läuft parallel dazu.</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>unter einer Minute</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>etwa %1 min</translation>
    </message>
    <message>
        <source>Choose the CPU in Score &gt; Choose Model.</source>
        <translation>Wählen Sie die CPU unter Bewertung &gt; Modell wählen.</translation>
    </message>
    <message>
        <source>Video decoders</source>
        <translation>Video-Decoder</translation>
    </message>
    <message>
        <source>No videos in the project yet. %1</source>
        <translation>Noch keine Videos im Projekt. %1</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s): </source>
        <translation>
            <numerusform>%n Video: </numerusform>
            <numerusform>%n Videos: </numerusform>
        </translation>
    </message>
    <message>
        <source>This FFmpeg has no decoder for %1: install Debian&apos;s libavcodec59 (not a reduced build).</source>
        <translation>Diesem FFmpeg fehlt ein Decoder für %1: Installieren Sie libavcodec59 von Debian (keinen reduzierten Build).</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read as video: </source>
        <translation>
            <numerusform>%n Datei konnte nicht als Video gelesen werden: </numerusform>
            <numerusform>%n Dateien konnten nicht als Video gelesen werden: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) are not where the project expects them: add their folder again and Vigil finds them by content.</source>
        <translation>
            <numerusform>%n Video liegt nicht dort, wo das Projekt es erwartet: Fügen Sie seinen Ordner erneut hinzu, dann findet Vigil es anhand des Inhalts.</numerusform>
            <numerusform>%n Videos liegen nicht dort, wo das Projekt sie erwartet: Fügen Sie ihren Ordner erneut hinzu, dann findet Vigil sie anhand des Inhalts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>The free space of %1 cannot be read.</source>
        <translation>Der freie Speicherplatz von %1 lässt sich nicht ermitteln.</translation>
    </message>
    <message>
        <source>%1 free for the feature cache (%2); the project&apos;s unscored videos need about %3</source>
        <translation>%1 frei für den Merkmal-Cache (%2); die unbewerteten Videos des Projekts brauchen etwa %3</translation>
    </message>
    <message>
        <source>; seek proxies use up to 20 GiB in %1</source>
        <translation>; Such-Proxys belegen bis zu 20 GiB in %1</translation>
    </message>
    <message>
        <source>Free %1 on that disk, or score fewer videos at a time: a full disk stops scoring with a message, and what was scored is kept.</source>
        <translation>Geben Sie auf diesem Datenträger %1 frei, oder bewerten Sie weniger Videos auf einmal: Ist der Datenträger voll, bricht die Bewertung mit einer Meldung ab; bereits Bewertetes bleibt erhalten.</translation>
    </message>
    <message>
        <source>Less than 2 GiB would be left once the features are cached.</source>
        <translation>Nach dem Zwischenspeichern der Merkmale blieben weniger als 2 GiB frei.</translation>
    </message>
</context>
<context>
    <name>TrainingMessages</name>
    <message numerus="yes">
        <source>class &apos;%1&apos; has %n training video(s), %2 needed to learn it</source>
        <translation>
            <numerusform>Klasse „%1“ hat %n Trainingsvideo, zum Lernen sind %2 nötig</numerusform>
            <numerusform>Klasse „%1“ hat %n Trainingsvideos, zum Lernen sind %2 nötig</numerusform>
        </translation>
    </message>
    <message>
        <source>the batch size must be even and at least 2, not %1</source>
        <translation>die Batchgröße muss gerade und mindestens 2 sein, nicht %1</translation>
    </message>
    <message>
        <source>the abnormal classes are imbalanced: %1x more videos of the largest</source>
        <translation>die anomalen Klassen sind unausgewogen: %1x mehr Videos in der größten</translation>
    </message>
    <message>
        <source>no abnormal training video: the objective needs abnormal and normal videos</source>
        <translation>kein anomales Trainingsvideo: das Ziel braucht anomale und normale Videos</translation>
    </message>
    <message>
        <source>no normal training video: the objective needs abnormal and normal videos</source>
        <translation>kein normales Trainingsvideo: das Ziel braucht anomale und normale Videos</translation>
    </message>
    <message>
        <source>at least one epoch is needed</source>
        <translation>mindestens eine Epoche ist nötig</translation>
    </message>
    <message>
        <source>no validation video: the last epoch is kept, without validation AUC</source>
        <translation>kein Validierungsvideo: die letzte Epoche wird behalten, ohne Validierungs-AUC</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>The %1 translation is missing from this installation; the interface stays English.</source>
        <translation>Die Übersetzung „%1“ fehlt in dieser Installation; die Oberfläche bleibt englisch.</translation>
    </message>
</context>
<context>
    <name>vigil</name>
    <message>
        <source>Review surveillance video with AnomalyCLIP anomaly scores.</source>
        <translation>Überwachungsvideos anhand von AnomalyCLIP-Anomaliewerten prüfen.</translation>
    </message>
    <message>
        <source>Once started, save a picture of the window to FILE (PNG), print which page it shows, and quit.</source>
        <translation>Nach dem Start ein Bild des Fensters in FILE (PNG) speichern, die angezeigte Seite ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Window size, as WIDTHxHEIGHT (for example 1366x768).</source>
        <translation>Fenstergröße als WIDTHxHEIGHT (zum Beispiel 1366x768).</translation>
    </message>
    <message>
        <source>Start in Safe Mode: CPU only, the default window layout, no seek proxies.</source>
        <translation>Im abgesicherten Modus starten: nur CPU, Standard-Fensterlayout, keine Such-Proxys.</translation>
    </message>
    <message>
        <source>Open the system check once started (as Help &gt; System Check).</source>
        <translation>Nach dem Start die Systemprüfung öffnen (wie Hilfe &gt; Systemprüfung).</translation>
    </message>
    <message>
        <source>Print the versions, libraries and devices a bug report needs, and quit.</source>
        <translation>Die für einen Fehlerbericht nötigen Versionen, Bibliotheken und Geräte ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Put every setting back to its default, then start (as Help &gt; Reset Settings).</source>
        <translation>Alle Einstellungen auf ihre Standardwerte zurücksetzen, dann starten (wie Hilfe &gt; Einstellungen zurücksetzen).</translation>
    </message>
    <message>
        <source>Project to open (created if new); without one, the start page.</source>
        <translation>Zu öffnendes Projekt (wird neu angelegt, falls es nicht existiert); ohne Angabe die Startseite.</translation>
    </message>
    <message>
        <source>Videos or folders to add (to your default project when no project is named).</source>
        <translation>Hinzuzufügende Videos oder Ordner (zu Ihrem Standardprojekt, wenn kein Projekt angegeben ist).</translation>
    </message>
    <message>
        <source>The interface&apos;s language for this run: system, en, it, de, or pseudo (every string lengthened and accented, to find cut-off text).</source>
        <translation>Sprache der Oberfläche für diesen Start: system, en, it, de oder pseudo (jeder Text verlängert und mit Akzenten, um abgeschnittene Texte zu finden).</translation>
    </message>
</context>
<context>
    <name>vigil::ClassChart</name>
    <message>
        <source>p(class | abnormal)</source>
        <translation>p(Klasse | anomal)</translation>
    </message>
    <message>
        <source>The class probabilities at the playhead appear here once a model is chosen (Score &gt; Choose Model).</source>
        <translation>Die Klassenwahrscheinlichkeiten an der Abspielposition erscheinen hier, sobald ein Modell gewählt ist (Bewertung &gt; Modell wählen).</translation>
    </message>
</context>
<context>
    <name>vigil::ClipExportController</name>
    <message>
        <source>Export &amp;Clips...</source>
        <translation>&amp;Clips exportieren...</translation>
    </message>
    <message>
        <source>Export Clips</source>
        <translation>Clips exportieren</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Detections</source>
        <translation>Erkennungen</translation>
    </message>
    <message>
        <source>Clips of</source>
        <translation>Clips aus</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Beliebiger Status</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Detections in state</source>
        <translation>Erkennungen mit Status</translation>
    </message>
    <message>
        <source>any class</source>
        <translation>beliebige Klasse</translation>
    </message>
    <message>
        <source>Only the class</source>
        <translation>Nur die Klasse</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Padding before and after</source>
        <translation>Vor- und Nachlauf</translation>
    </message>
    <message>
        <source>Always re-encode (else a stream copy when the cut falls on keyframes)</source>
        <translation>Immer neu kodieren (sonst Stream-Kopie, wenn der Schnitt auf Keyframes fällt)</translation>
    </message>
    <message>
        <source>Burn in time, frame, score and class, with a score strip under the picture</source>
        <translation>Zeit, Frame, Anomaliewert und Klasse einbrennen, mit Werteverlauf unter dem Bild</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Folder for the Clips</source>
        <translation>Ordner für die Clips</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Exporting clips...</source>
        <translation>Clips werden exportiert...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting %1 (%2 of %3)...</source>
        <translation>%1 wird exportiert (%2 von %3)...</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s) written, with their sidecars, clips.csv and SHA256SUMS.</source>
        <translation>
            <numerusform>%n Clip geschrieben, mit Begleitdateien, clips.csv und SHA256SUMS.</numerusform>
            <numerusform>%n Clips geschrieben, mit Begleitdateien, clips.csv und SHA256SUMS.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the clips written are complete and listed.</source>
        <translation>Abgebrochen: Die bereits geschriebenen Clips sind vollständig und aufgelistet.</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Nicht geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ComparisonController</name>
    <message>
        <source>&amp;Compare Models...</source>
        <translation>Modelle ver&amp;gleichen...</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>Modelle vergleichen</translation>
    </message>
    <message>
        <source>The project needs two models with scores: fine-tune one (Train &gt; Fine-Tune Model) first.</source>
        <translation>Das Projekt braucht zwei Modelle mit Anomaliewerten: Stimmen Sie zuerst eines fein ab (Training &gt; Modell feinabstimmen).</translation>
    </message>
    <message>
        <source>Comparing...</source>
        <translation>Vergleich läuft...</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Vergleich nicht möglich: %1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
</context>
<context>
    <name>vigil::ComparisonDialog</name>
    <message>
        <source>Compare Models</source>
        <translation>Modelle vergleichen</translation>
    </message>
    <message>
        <source>A (before)</source>
        <translation>A (vorher)</translation>
    </message>
    <message>
        <source>B (after)</source>
        <translation>B (nachher)</translation>
    </message>
    <message>
        <source>Alarm threshold</source>
        <translation>Alarmschwelle</translation>
    </message>
    <message>
        <source>Draw A&apos;s scores on the timeline beside the current model&apos;s</source>
        <translation>Werte von A in der Zeitleiste neben denen des aktuellen Modells zeichnen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>Anomal</translation>
    </message>
    <message>
        <source>AUC A</source>
        <translation>AUC A</translation>
    </message>
    <message>
        <source>AUC B</source>
        <translation>AUC B</translation>
    </message>
    <message>
        <source>AUC change</source>
        <translation>AUC-Änderung</translation>
    </message>
    <message>
        <source>False alarms A</source>
        <translation>Fehlalarme A</translation>
    </message>
    <message>
        <source>False alarms B</source>
        <translation>Fehlalarme B</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Missed A</source>
        <translation>Verpasst A</translation>
    </message>
    <message>
        <source>Missed B</source>
        <translation>Verpasst B</translation>
    </message>
    <message>
        <source>Frame counts at the threshold. Double-click (or Enter) opens the video.</source>
        <translation>Anzahl Frames bei der Schwelle. Doppelklick (oder Enter) öffnet das Video.</translation>
    </message>
    <message numerus="yes">
        <source>B (%1) against A (%2) on %n video(s), threshold %3:</source>
        <translation>
            <numerusform>B (%1) gegenüber A (%2) auf %n Video, Schwelle %3:</numerusform>
            <numerusform>B (%1) gegenüber A (%2) auf %n Videos, Schwelle %3:</numerusform>
        </translation>
    </message>
    <message>
        <source>AUC %1 -&gt; %2 (%3), AP %4 -&gt; %5 (%6); false-alarm frames %7 -&gt; %8, missed abnormal frames %9 -&gt; %10.</source>
        <translation>AUC %1 -&gt; %2 (%3), AP %4 -&gt; %5 (%6); Fehlalarm-Frames %7 -&gt; %8, verpasste anomale Frames %9 -&gt; %10.</translation>
    </message>
    <message>
        <source>Truth: %1 (chosen in the research window).</source>
        <translation>Referenz: %1 (im Forschungsfenster gewählt).</translation>
    </message>
    <message>
        <source>AUC better on %1 video(s), worse on %2.</source>
        <translation>AUC besser bei %1 Video(s), schlechter bei %2.</translation>
    </message>
    <message>
        <source>Left out (scored by one model only): %1</source>
        <translation>Ausgelassen (nur von einem Modell bewertet): %1</translation>
    </message>
    <message>
        <source>Left out (no known truth): %1</source>
        <translation>Ausgelassen (keine Referenz bekannt): %1</translation>
    </message>
</context>
<context>
    <name>vigil::CrashRecoveryDialog</name>
    <message>
        <source>Vigil did not close properly</source>
        <translation>Vigil wurde nicht ordnungsgemäß beendet</translation>
    </message>
    <message>
        <source>an earlier run</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The run started %1 crashed: %2.</source>
        <translation>Die Sitzung (Start: %1) ist abgestürzt: %2.</translation>
    </message>
    <message>
        <source>The run started %1 ended without closing (it was killed, or the computer stopped).</source>
        <translation>Die Sitzung (Start: %1) endete, ohne ordnungsgemäß beendet zu werden (der Prozess wurde abgebrochen oder der Computer ausgeschaltet).</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier run(s) also ended this way.</source>
        <translation>
            <numerusform>%n frühere Sitzung endete ebenso.</numerusform>
            <numerusform>%n frühere Sitzungen endeten ebenso.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last action: %1</source>
        <translation>Letzte Aktion: %1</translation>
    </message>
    <message>
        <source>Crash note: %1</source>
        <translation>Absturzbericht: %1</translation>
    </message>
    <message>
        <source>Its log: %1</source>
        <translation>Protokoll der Sitzung: %1</translation>
    </message>
    <message>
        <source>%1 (removed since)</source>
        <translation>%1 (inzwischen entfernt)</translation>
    </message>
    <message>
        <source>Your projects are safe: every edit was saved when it was made.</source>
        <translation>Ihre Projekte sind sicher: Jede Änderung wurde sofort gespeichert.</translation>
    </message>
    <message>
        <source>Safe Mode starts Vigil on the CPU only, with the default window layout and no seek proxies (video is always decoded in software). Nothing is sent anywhere: the note and the log stay in %1.</source>
        <translation>Der abgesicherte Modus startet Vigil nur auf der CPU, mit dem Standard-Fensterlayout und ohne Such-Proxys (Video wird immer in Software dekodiert). Es wird nichts gesendet: Bericht und Protokoll bleiben in %1.</translation>
    </message>
    <message>
        <source>Start in &amp;Safe Mode</source>
        <translation>Im &amp;abgesicherten Modus starten</translation>
    </message>
    <message>
        <source>Start &amp;Normally</source>
        <translation>&amp;Normal starten</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
</context>
<context>
    <name>vigil::DetectionsModel</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (corrected)</source>
        <translation>%1 (korrigiert)</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>vigil::DetectionsPanel</name>
    <message>
        <source>Detections</source>
        <translation>Erkennungen</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Beliebiger Status</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Lowest peak score</source>
        <translation>Niedrigster Spitzenwert</translation>
    </message>
    <message>
        <source>Highest peak score</source>
        <translation>Höchster Spitzenwert</translation>
    </message>
    <message>
        <source>Added after</source>
        <translation>Hinzugefügt nach</translation>
    </message>
    <message>
        <source>Videos added after</source>
        <translation>Videos hinzugefügt nach</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Peak score</source>
        <translation>Spitzenwert</translation>
    </message>
    <message>
        <source>Up/Down: next · A accept · Shift+A make a label · X reject · 1-9, 0: class · N note · Ctrl+A all</source>
        <translation>Up/Down: nächste · A annehmen · Shift+A als Markierung · X ablehnen · 1-9, 0: Klasse · N Notiz · Ctrl+A alle</translation>
    </message>
    <message>
        <source>Any class</source>
        <translation>Beliebige Klasse</translation>
    </message>
    <message>
        <source>All videos</source>
        <translation>Alle Videos</translation>
    </message>
    <message>
        <source>No detections to show: they appear where a scored video&apos;s score stays above the threshold (Score menu), or widen the filters.</source>
        <translation>Keine Erkennungen anzuzeigen: Sie entstehen, wo der Anomaliewert eines bewerteten Videos über der Schwelle bleibt (Menü Bewertung). Oder lockern Sie die Filter.</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s)</source>
        <translation>
            <numerusform>%n Erkennung</numerusform>
            <numerusform>%n Erkennungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Note on this detection:</source>
        <translation>Notiz zu dieser Erkennung:</translation>
    </message>
</context>
<context>
    <name>vigil::HelpController</name>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;System Check...</source>
        <translation>&amp;Systemprüfung...</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy Debug Information</source>
        <translation>&amp;Debug-Informationen kopieren</translation>
    </message>
    <message>
        <source>&amp;About Vigil</source>
        <translation>&amp;Über Vigil</translation>
    </message>
    <message>
        <source>System check: %1</source>
        <translation>Systemprüfung: %1</translation>
    </message>
    <message>
        <source>Model %1 chosen for this project</source>
        <translation>Modell %1 für dieses Projekt gewählt</translation>
    </message>
    <message>
        <source>Model remembered: a project opened next can use it (Score &gt; Choose Model)</source>
        <translation>Modell gemerkt: Ein als Nächstes geöffnetes Projekt kann es verwenden (Bewertung &gt; Modell wählen)</translation>
    </message>
    <message>
        <source>No file manager could open %1</source>
        <translation>Kein Dateimanager konnte %1 öffnen</translation>
    </message>
    <message>
        <source>Debug information copied: paste it into your report (it holds no video or label)</source>
        <translation>Debug-Informationen kopiert: Fügen Sie sie in Ihren Bericht ein (sie enthalten keine Videos oder Markierungen)</translation>
    </message>
    <message>
        <source>About Vigil</source>
        <translation>Über Vigil</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Review surveillance video with AnomalyCLIP anomaly scores.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Überwachungsvideos anhand von AnomalyCLIP-Anomaliewerten prüfen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>vigil::JobsPanel</name>
    <message>
        <source>Scoring jobs</source>
        <translation>Bewertungsaufträge</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No scoring job</source>
        <translation>Kein Bewertungsauftrag</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>%1 frames/s</source>
        <translation>%1 Frames/s</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Bewertung läuft</translation>
    </message>
</context>
<context>
    <name>vigil::KeyboardPage</name>
    <message>
        <source>Select an action, then press its new key in the key field. Only your changes are stored.</source>
        <translation>Wählen Sie eine Aktion und drücken Sie dann im Tastenfeld die neue Taste. Gespeichert werden nur Ihre Änderungen.</translation>
    </message>
    <message>
        <source>Filter by action, place or key</source>
        <translation>Nach Aktion, Bereich oder Taste filtern</translation>
    </message>
    <message>
        <source>Filter the actions</source>
        <translation>Aktionen filtern</translation>
    </message>
    <message>
        <source>Actions and their keys</source>
        <translation>Aktionen und ihre Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>&amp;Taste</translation>
    </message>
    <message>
        <source>New key for the selected action</source>
        <translation>Neue Taste für die gewählte Aktion</translation>
    </message>
    <message>
        <source>&amp;No Key</source>
        <translation>&amp;Keine Taste</translation>
    </message>
    <message>
        <source>Restore &amp;Default</source>
        <translation>&amp;Standard wiederherstellen</translation>
    </message>
    <message>
        <source>Restore &amp;All Defaults</source>
        <translation>&amp;Alle Standards wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Import Key Set...</source>
        <translation>Tastenbelegung &amp;importieren...</translation>
    </message>
    <message>
        <source>E&amp;xport Key Set...</source>
        <translation>Tastenbelegung e&amp;xportieren...</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation>%1 (geändert)</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; now has %2.</source>
        <translation>„%1“ hat jetzt %2.</translation>
    </message>
    <message>
        <source>Every action has its default keys again.</source>
        <translation>Alle Aktionen haben wieder ihre Standardtasten.</translation>
    </message>
    <message numerus="yes">
        <source>Key set imported: %n change(s) from the defaults.</source>
        <translation>
            <numerusform>Tastenbelegung importiert: %n Abweichung vom Standard.</numerusform>
            <numerusform>Tastenbelegung importiert: %n Abweichungen vom Standard.</numerusform>
        </translation>
    </message>
    <message>
        <source>Key set not imported: %1</source>
        <translation>Tastenbelegung nicht importiert: %1</translation>
    </message>
</context>
<context>
    <name>vigil::LabelEditor</name>
    <message>
        <source>Add a label</source>
        <translation>Markierung hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Change the class of %n label(s)</source>
        <translation>
            <numerusform>Klasse von %n Markierung ändern</numerusform>
            <numerusform>Klasse von %n Markierungen ändern</numerusform>
        </translation>
    </message>
    <message>
        <source>Note on a label</source>
        <translation>Notiz zu einer Markierung</translation>
    </message>
    <message>
        <source>A label must end after it starts</source>
        <translation>Eine Markierung muss nach ihrem Beginn enden</translation>
    </message>
    <message>
        <source>Change the extent of a label</source>
        <translation>Umfang einer Markierung ändern</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n label(s)</source>
        <translation>
            <numerusform>%n Markierung entfernen</numerusform>
            <numerusform>%n Markierungen entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Split a label</source>
        <translation>Markierung teilen</translation>
    </message>
    <message>
        <source>Merge two labels</source>
        <translation>Zwei Markierungen zusammenführen</translation>
    </message>
</context>
<context>
    <name>vigil::LabelTimelineController</name>
    <message>
        <source>Labels</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Select the next label</source>
        <translation>Nächste Markierung auswählen</translation>
    </message>
    <message>
        <source>Select the previous label</source>
        <translation>Vorherige Markierung auswählen</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s start one second earlier</source>
        <translation>Beginn der ausgewählten Markierung eine Sekunde früher</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s start one frame earlier</source>
        <translation>Beginn der ausgewählten Markierung einen Frame früher</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s start one second later</source>
        <translation>Beginn der ausgewählten Markierung eine Sekunde später</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s start one frame later</source>
        <translation>Beginn der ausgewählten Markierung einen Frame später</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s end one second earlier</source>
        <translation>Ende der ausgewählten Markierung eine Sekunde früher</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s end one frame earlier</source>
        <translation>Ende der ausgewählten Markierung einen Frame früher</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s end one second later</source>
        <translation>Ende der ausgewählten Markierung eine Sekunde später</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s end one frame later</source>
        <translation>Ende der ausgewählten Markierung einen Frame später</translation>
    </message>
    <message>
        <source>Split the selected label at the playhead</source>
        <translation>Ausgewählte Markierung an der Abspielposition teilen</translation>
    </message>
    <message>
        <source>Merge the selected label with the next</source>
        <translation>Ausgewählte Markierung mit der nächsten zusammenführen</translation>
    </message>
    <message>
        <source>Go to the selected label&apos;s first frame</source>
        <translation>Zum ersten Frame der ausgewählten Markierung</translation>
    </message>
    <message>
        <source>Go to the selected label&apos;s last frame</source>
        <translation>Zum letzten Frame der ausgewählten Markierung</translation>
    </message>
    <message>
        <source>Play lock: loop the selected label, stop at its end, or off</source>
        <translation>Wiedergabebindung: ausgewählte Markierung in Schleife, an ihrem Ende anhalten oder aus</translation>
    </message>
    <message>
        <source>Playback loops over the selected label (Ctrl+L: stop at its end)</source>
        <translation>Wiedergabe läuft in Schleife über die ausgewählte Markierung (Ctrl+L: an ihrem Ende anhalten)</translation>
    </message>
    <message>
        <source>Playback stops at the selected label&apos;s end (Ctrl+L: off)</source>
        <translation>Wiedergabe hält am Ende der ausgewählten Markierung an (Ctrl+L: aus)</translation>
    </message>
    <message>
        <source>Playback is not locked to a label</source>
        <translation>Wiedergabe ist an keine Markierung gebunden</translation>
    </message>
    <message>
        <source>No label after this one</source>
        <translation>Keine Markierung nach dieser</translation>
    </message>
    <message>
        <source>No label before this one</source>
        <translation>Keine Markierung vor dieser</translation>
    </message>
    <message>
        <source>Split: put the playhead inside the selected label (after its first frame)</source>
        <translation>Teilen: Setzen Sie die Abspielposition in die ausgewählte Markierung (nach ihrem ersten Frame)</translation>
    </message>
    <message>
        <source>Merge: the selected label has no label after it</source>
        <translation>Zusammenführen: Nach der ausgewählten Markierung folgt keine weitere</translation>
    </message>
</context>
<context>
    <name>vigil::LabelToolsController</name>
    <message>
        <source>New Class</source>
        <translation>Neue Klasse</translation>
    </message>
    <message>
        <source>A class of this project&apos;s own (for example Loitering):</source>
        <translation>Eine projekteigene Klasse (zum Beispiel Herumlungern):</translation>
    </message>
    <message>
        <source>Import &amp;Labels...</source>
        <translation>Markierungen &amp;importieren...</translation>
    </message>
    <message>
        <source>E&amp;xport Labels...</source>
        <translation>&amp;Markierungen exportieren...</translation>
    </message>
    <message>
        <source>Label &amp;Classes...</source>
        <translation>Markierungs&amp;klassen...</translation>
    </message>
    <message>
        <source>Label Classes</source>
        <translation>Markierungsklassen</translation>
    </message>
    <message>
        <source>The model&apos;s classes and the project&apos;s own: %1

Add a class of the project&apos;s own:</source>
        <translation>Klassen des Modells und des Projekts: %1

Projekteigene Klasse hinzufügen:</translation>
    </message>
    <message>
        <source>Label &amp;History of This Video...</source>
        <translation>&amp;Markierungsverlauf dieses Videos...</translation>
    </message>
    <message>
        <source>Analyst &amp;Report...</source>
        <translation>Analysten&amp;bericht...</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <source>&lt;nothing done yet&gt;</source>
        <translation>&lt;noch keine Änderungen&gt;</translation>
    </message>
    <message>
        <source>Undo &amp;History</source>
        <translation>Bearbeitungs&amp;verlauf</translation>
    </message>
    <message>
        <source>Class &apos;%1&apos; added to the project</source>
        <translation>Klasse „%1“ zum Projekt hinzugefügt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Video Class</source>
        <translation>Videoklasse</translation>
    </message>
    <message>
        <source>The class of %1 as a whole (the datasets&apos; weak label):</source>
        <translation>Klasse von %1 als Ganzes (die schwache Markierung der Datensätze):</translation>
    </message>
    <message>
        <source>Imported %1 label(s) for %2 video(s), replacing %3.</source>
        <translation>%1 Markierung(en) für %2 Video(s) importiert, %3 ersetzt.</translation>
    </message>
    <message>
        <source>Exported %1 label(s) of %2 video(s) to %3.</source>
        <translation>%1 Markierung(en) von %2 Video(s) nach %3 exportiert.</translation>
    </message>
    <message numerus="yes">
        <source> %n line(s) hold more than two intervals: AnomalyCLIP&apos;s reader takes them; the dataset&apos;s own file has none.</source>
        <translation>
            <numerusform> %n Zeile enthält mehr als zwei Intervalle: Der Leser von AnomalyCLIP akzeptiert das, die Originaldatei des Datensatzes enthält keine solchen.</numerusform>
            <numerusform> %n Zeilen enthalten mehr als zwei Intervalle: Der Leser von AnomalyCLIP akzeptiert das, die Originaldatei des Datensatzes enthält keine solchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Labels</source>
        <translation>Markierungen importieren</translation>
    </message>
    <message>
        <source>Form of the file:</source>
        <translation>Dateiformat:</translation>
    </message>
    <message>
        <source>Folder of Frame Masks</source>
        <translation>Ordner mit Frame-Masken</translation>
    </message>
    <message>
        <source>UCF-Crime (14 classes)</source>
        <translation>UCF-Crime (14 Klassen)</translation>
    </message>
    <message>
        <source>XD-Violence (7 classes)</source>
        <translation>XD-Violence (7 Klassen)</translation>
    </message>
    <message>
        <source>ShanghaiTech (18 classes)</source>
        <translation>ShanghaiTech (18 Klassen)</translation>
    </message>
    <message>
        <source>A class list file (id,name CSV)...</source>
        <translation>Eine Klassenlisten-Datei (CSV mit id,name)...</translation>
    </message>
    <message>
        <source>This project has no model to take class names from.
Check the file&apos;s classes against:</source>
        <translation>Dieses Projekt hat kein Modell, aus dem sich Klassennamen übernehmen lassen.
Klassen der Datei abgleichen mit:</translation>
    </message>
    <message>
        <source>Class List</source>
        <translation>Klassenliste</translation>
    </message>
    <message>
        <source>Class lists (*.csv);;All files (*)</source>
        <translation>Klassenlisten (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The labels of every video the file names are replaced by the file&apos;s. This cannot be undone with Undo (export the labels first to keep them). Import?</source>
        <translation>Die Markierungen aller Videos, die in der Datei vorkommen, werden durch die der Datei ersetzt. Dies lässt sich nicht mit Rückgängig aufheben (exportieren Sie die Markierungen vorher, um sie zu behalten). Importieren?</translation>
    </message>
    <message>
        <source>Nothing was imported:
%1</source>
        <translation>Es wurde nichts importiert:
%1</translation>
    </message>
    <message>
        <source>Export Labels</source>
        <translation>Markierungen exportieren</translation>
    </message>
    <message>
        <source>Folder for the Frame Masks</source>
        <translation>Ordner für die Frame-Masken</translation>
    </message>
</context>
<context>
    <name>vigil::LabelsPanel</name>
    <message>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>I and O mark a new label&apos;s first and last frame. 1-9, 0: class; N: note; Delete: remove.</source>
        <translation>I und O setzen den ersten und letzten Frame einer neuen Markierung. 1-9, 0: Klasse; N: Notiz; Delete: entfernen.</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1-%2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No labels on this video: mark a span with I and O, or accept a detection as a label (Shift+A).</source>
        <translation>Keine Markierungen in diesem Video: Markieren Sie einen Abschnitt mit I und O, oder übernehmen Sie eine Erkennung als Markierung (Shift+A).</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n Markierung</numerusform>
            <numerusform>%n Markierungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Note on this label:</source>
        <translation>Notiz zu dieser Markierung:</translation>
    </message>
    <message>
        <source>%1	%2</source>
        <translation>%1	%2</translation>
    </message>
    <message>
        <source>New Class...</source>
        <translation>Neue Klasse...</translation>
    </message>
    <message>
        <source>Note...</source>
        <translation>Notiz...</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>History...</source>
        <translation>Verlauf...</translation>
    </message>
</context>
<context>
    <name>vigil::MainWindow</name>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Safe Mode</source>
        <translation>Abgesicherter Modus</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>%1 - Vigil</source>
        <translation>%1 - Vigil</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) added</source>
        <translation>
            <numerusform>%n Video hinzugefügt</numerusform>
            <numerusform>%n Videos hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n moved video(s) found again</source>
        <translation>
            <numerusform>, %n verschobenes Video wiedergefunden</numerusform>
            <numerusform>, %n verschobene Videos wiedergefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n file(s) not added: %1</source>
        <translation>
            <numerusform>, %n Datei nicht hinzugefügt: %1</numerusform>
            <numerusform>, %n Dateien nicht hinzugefügt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Label starts at frame %1: O marks its last frame, Esc cancels</source>
        <translation>Markierung beginnt bei Frame %1: O setzt ihren letzten Frame, Esc bricht ab</translation>
    </message>
    <message>
        <source>Label ends at frame %1: I marks its first frame, Esc cancels</source>
        <translation>Markierung endet bei Frame %1: I setzt ihren ersten Frame, Esc bricht ab</translation>
    </message>
    <message>
        <source>System check: %1</source>
        <translation>Systemprüfung: %1</translation>
    </message>
    <message numerus="yes">
        <source>System check: %n thing(s) to look at. System Check... says what to do.</source>
        <translation>
            <numerusform>Systemprüfung: %n Punkt zu beachten. Was zu tun ist, zeigt Hilfe &gt; Systemprüfung.</numerusform>
            <numerusform>Systemprüfung: %n Punkte zu beachten. Was zu tun ist, zeigt Hilfe &gt; Systemprüfung.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Score &amp;Overlay</source>
        <translation>Anomaliewert-&amp;Overlay</translation>
    </message>
    <message>
        <source>&amp;Whole Video</source>
        <translation>&amp;Ganzes Video</translation>
    </message>
    <message>
        <source>&amp;Fullscreen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Safe Mode: CPU only, default layout, no seek proxies. Restart Vigil to leave it.</source>
        <translation>Abgesicherter Modus: nur CPU, Standardlayout, keine Such-Proxys. Starten Sie Vigil neu, um ihn zu verlassen.</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>(keine Taste)</translation>
    </message>
    <message>
        <source>Play or pause (%1)</source>
        <translation>Wiedergabe oder Pause (%1)</translation>
    </message>
    <message>
        <source>Your keyboard settings were not applied: %1</source>
        <translation>Ihre Tastatureinstellungen wurden nicht übernommen: %1</translation>
    </message>
</context>
<context>
    <name>vigil::PlayerPaneController</name>
    <message>
        <source>Preparing fast seeking in %1: %2%</source>
        <translation>Schnelles Springen in %1 wird vorbereitet: %2 %</translation>
    </message>
    <message>
        <source>Fast seeking ready in %1</source>
        <translation>Schnelles Springen in %1 bereit</translation>
    </message>
    <message>
        <source>No fast seeking in %1 (seeks stay exact, only slower): %2</source>
        <translation>Kein schnelles Springen in %1 (Sprünge bleiben genau, nur langsamer): %2</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s), %1 alarms/h</source>
        <translation>
            <numerusform>%n Erkennung, %1 Alarme/h</numerusform>
            <numerusform>%n Erkennungen, %1 Alarme/h</numerusform>
        </translation>
    </message>
    <message>
        <source>The class probabilities at the playhead appear here: open a video from the Videos list.</source>
        <translation>Die Klassenwahrscheinlichkeiten an der Abspielposition erscheinen hier: Öffnen Sie ein Video aus der Videoliste.</translation>
    </message>
    <message>
        <source>The class probabilities at the playhead appear here once a model is chosen (Score &gt; Choose Model).</source>
        <translation>Die Klassenwahrscheinlichkeiten an der Abspielposition erscheinen hier, sobald ein Modell gewählt ist (Bewertung &gt; Modell wählen).</translation>
    </message>
</context>
<context>
    <name>vigil::ProjectFilesController</name>
    <message>
        <source>&amp;New Project...</source>
        <translation>&amp;Neues Projekt...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>Projekt ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>Save Project &amp;As...</source>
        <translation>Projekt speichern &amp;unter...</translation>
    </message>
    <message>
        <source>&amp;Add Videos...</source>
        <translation>&amp;Videos hinzufügen...</translation>
    </message>
    <message>
        <source>Add Videos</source>
        <translation>Videos hinzufügen</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.avi *.mov *.ts *.m4v *.webm);;All files (*)</source>
        <translation>Videos (*.mp4 *.mkv *.avi *.mov *.ts *.m4v *.webm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add &amp;Folder...</source>
        <translation>&amp;Ordner hinzufügen...</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Import &amp;Ground Truth</source>
        <translation>&amp;Ground Truth importieren</translation>
    </message>
    <message>
        <source>&amp;Annotation File (UCF-Crime, XD-Violence)...</source>
        <translation>&amp;Annotationsdatei (UCF-Crime, XD-Violence)...</translation>
    </message>
    <message>
        <source>Import Ground Truth</source>
        <translation>Ground Truth importieren</translation>
    </message>
    <message>
        <source>Annotations (*.txt);;All files (*)</source>
        <translation>Annotationen (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Frame Masks Folder (ShanghaiTech)...</source>
        <translation>Ordner mit &amp;Frame-Masken (ShanghaiTech)...</translation>
    </message>
    <message>
        <source>Folder of .npy Frame Masks</source>
        <translation>Ordner mit .npy-Frame-Masken</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Vigil projects (*.vigil)</source>
        <translation>Vigil-Projekte (*.vigil)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message numerus="yes">
        <source>Ground truth for %n video(s) imported</source>
        <translation>
            <numerusform>Ground Truth für %n Video importiert</numerusform>
            <numerusform>Ground Truth für %n Videos importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n annotated video(s) are not in the project</source>
        <translation>
            <numerusform>; %n annotiertes Video ist nicht im Projekt</numerusform>
            <numerusform>; %n annotierte Videos sind nicht im Projekt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n interval(s) cut at their video&apos;s last frame</source>
        <translation>
            <numerusform>; %n Intervall am letzten Frame seines Videos abgeschnitten</numerusform>
            <numerusform>; %n Intervalle am letzten Frame ihres Videos abgeschnitten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ResearchController</name>
    <message>
        <source>&amp;Research Window...</source>
        <translation>For&amp;schungsfenster...</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Forschung</translation>
    </message>
    <message>
        <source>Score the project with a model first.</source>
        <translation>Bewerten Sie das Projekt zuerst mit einem Modell.</translation>
    </message>
    <message>
        <source>Computing...</source>
        <translation>Wird berechnet...</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ResearchWindow</name>
    <message>
        <source>the ground truth</source>
        <translation>Ground Truth</translation>
    </message>
    <message>
        <source>the analysts&apos; labels</source>
        <translation>Markierungen der Analysten</translation>
    </message>
    <message>
        <source>the ground truth and the analysts&apos; labels, a label winning where both cover a frame</source>
        <translation>Ground Truth und Markierungen der Analysten, wobei die Markierung Vorrang hat, wo beide einen Frame abdecken</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Forschung</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>&amp;Truth</source>
        <translation>&amp;Referenz</translation>
    </message>
    <message>
        <source>Ground truth and labels</source>
        <translation>Ground Truth und Markierungen</translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation>Ground Truth</translation>
    </message>
    <message>
        <source>Analysts&apos; labels</source>
        <translation>Markierungen der Analysten</translation>
    </message>
    <message>
        <source>What a frame&apos;s truth is. With both, an analyst&apos;s label wins over the ground truth where both cover a frame. A video with no interval counts, all normal, when its class is normal, and is left out otherwise. vigil-cli eval --project --truth gives the same figures.</source>
        <translation>Was als Referenz für einen Frame gilt. Bei beiden hat die Markierung eines Analysten Vorrang vor der Ground Truth, wo beide einen Frame abdecken. Ein Video ohne Intervall zählt als vollständig normal, wenn seine Klasse normal ist, und wird andernfalls ausgelassen. vigil-cli eval --project --truth liefert dieselben Kennzahlen.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>ROC and PR</source>
        <translation>ROC und PR</translation>
    </message>
    <message>
        <source>Anomaly score</source>
        <translation>Anomaliewert</translation>
    </message>
    <message>
        <source>Share of frames</source>
        <translation>Anteil der Frames</translation>
    </message>
    <message>
        <source>Score histograms</source>
        <translation>Histogramme der Anomaliewerte</translation>
    </message>
    <message>
        <source>Model&apos;s top class</source>
        <translation>Wahrscheinlichste Klasse des Modells</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>Tatsächliche Klasse</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>Erster Frame</translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation>Letzter Frame</translation>
    </message>
    <message>
        <source>Analyst vs model</source>
        <translation>Analyst vs. Modell</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Wrongness</source>
        <translation>Fehlergrad</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Anomaliewert</translation>
    </message>
    <message>
        <source>Ranked by the area between the score and the threshold. Double-click or Enter shows it.</source>
        <translation>Sortiert nach der Fläche zwischen Anomaliewert und Schwelle. Doppelklick oder Enter zeigt den Fall an.</translation>
    </message>
    <message>
        <source>Failure cases</source>
        <translation>Fehlerfälle</translation>
    </message>
    <message>
        <source>Save PNG...</source>
        <translation>Als PNG speichern...</translation>
    </message>
    <message>
        <source>Save PDF...</source>
        <translation>Als PDF speichern...</translation>
    </message>
    <message>
        <source>Save Plot</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Truth: %1.</source>
        <translation>Referenz: %1.</translation>
    </message>
    <message>
        <source>%1 (AUC %2)</source>
        <translation>%1 (AUC %2)</translation>
    </message>
    <message>
        <source>%1 (AP %2)</source>
        <translation>%1 (AP %2)</translation>
    </message>
    <message>
        <source>%1: AUC %2, AP %3 over %4 frames (%5 abnormal) of %6 video(s)</source>
        <translation>%1: AUC %2, AP %3 über %4 Frames (%5 anomal) aus %6 Video(s)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n video(s) left out, with no known truth: %2</source>
        <translation>
            <numerusform>%1: %n Video ohne bekannte Referenz ausgelassen: %2</numerusform>
            <numerusform>%1: %n Videos ohne bekannte Referenz ausgelassen: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>normal frames (%1)</source>
        <translation>normale Frames (%1)</translation>
    </message>
    <message>
        <source>abnormal frames (%1)</source>
        <translation>anomale Frames (%1)</translation>
    </message>
    <message>
        <source>false alarm</source>
        <translation>Fehlalarm</translation>
    </message>
    <message>
        <source>miss</source>
        <translation>Verpasst</translation>
    </message>
    <message numerus="yes">
        <source>%1 as %2: %n interval(s)</source>
        <translation>
            <numerusform>%1 als %2: %n Intervall</numerusform>
            <numerusform>%1 als %2: %n Intervalle</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ReviewDecisions</name>
    <message numerus="yes">
        <source>Accept %n detection(s)</source>
        <translation>
            <numerusform>%n Erkennung annehmen</numerusform>
            <numerusform>%n Erkennungen annehmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n detection(s)</source>
        <translation>
            <numerusform>%n Erkennung ablehnen</numerusform>
            <numerusform>%n Erkennungen ablehnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unmark %n detection(s)</source>
        <translation>
            <numerusform>Entscheidung für %n Erkennung zurücknehmen</numerusform>
            <numerusform>Entscheidung für %n Erkennungen zurücknehmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the class of %n detection(s)</source>
        <translation>
            <numerusform>Klasse von %n Erkennung ändern</numerusform>
            <numerusform>Klasse von %n Erkennungen ändern</numerusform>
        </translation>
    </message>
    <message>
        <source>Note on a detection</source>
        <translation>Notiz zu einer Erkennung</translation>
    </message>
    <message numerus="yes">
        <source>Make %n label(s) from detections</source>
        <translation>
            <numerusform>%n Markierung aus Erkennungen erstellen</numerusform>
            <numerusform>%n Markierungen aus Erkennungen erstellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ReviewDockController</name>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Detections</source>
        <translation>Erkennungen</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Label added: 1-9 and 0 change its class, N adds a note, Ctrl+Z takes it back</source>
        <translation>Markierung hinzugefügt: 1-9 und 0 ändern ihre Klasse, N fügt eine Notiz hinzu, Ctrl+Z nimmt sie zurück</translation>
    </message>
    <message>
        <source>Accept the selected detections</source>
        <translation>Ausgewählte Erkennungen annehmen</translation>
    </message>
    <message>
        <source>Reject the selected detections</source>
        <translation>Ausgewählte Erkennungen ablehnen</translation>
    </message>
    <message>
        <source>Make labels of the selected detections</source>
        <translation>Aus den ausgewählten Erkennungen Markierungen erstellen</translation>
    </message>
    <message>
        <source>Next detection</source>
        <translation>Nächste Erkennung</translation>
    </message>
    <message>
        <source>Previous detection</source>
        <translation>Vorherige Erkennung</translation>
    </message>
    <message>
        <source>Edit the note of the selected detection or label</source>
        <translation>Notiz der ausgewählten Erkennung oder Markierung bearbeiten</translation>
    </message>
    <message>
        <source>Give the selection class %1 (in the class list&apos;s order)</source>
        <translation>Auswahl der Klasse %1 zuordnen (in der Reihenfolge der Klassenliste)</translation>
    </message>
    <message>
        <source>Mark in at the frame shown</source>
        <translation>Anfang am angezeigten Frame setzen</translation>
    </message>
    <message>
        <source>Mark out at the frame shown</source>
        <translation>Ende am angezeigten Frame setzen</translation>
    </message>
    <message>
        <source>Clear the marks</source>
        <translation>Anfang und Ende zurücksetzen</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s first frame here</source>
        <translation>Ersten Frame der ausgewählten Markierung hierher verschieben</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s last frame here</source>
        <translation>Letzten Frame der ausgewählten Markierung hierher verschieben</translation>
    </message>
    <message>
        <source>Remove the selected labels</source>
        <translation>Ausgewählte Markierungen entfernen</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>(keine Taste)</translation>
    </message>
    <message>
        <source>Up/Down: next · %1 accept · %2 make a label · %3 reject · 1-9, 0: class · %4 note · Ctrl+A all</source>
        <translation>Auf/Ab: nächste · %1 annehmen · %2 Markierung erstellen · %3 ablehnen · 1-9, 0: Klasse · %4 Notiz · Ctrl+A alle</translation>
    </message>
</context>
<context>
    <name>vigil::ScoreMenuController</name>
    <message>
        <source>&amp;Score</source>
        <translation>Be&amp;wertung</translation>
    </message>
    <message>
        <source>Choose &amp;Model...</source>
        <translation>&amp;Modell wählen...</translation>
    </message>
    <message>
        <source>Score &amp;Selected Videos</source>
        <translation>&amp;Ausgewählte Videos bewerten</translation>
    </message>
    <message>
        <source>Score &amp;Everything Unscored</source>
        <translation>Alle &amp;unbewerteten Videos bewerten</translation>
    </message>
    <message>
        <source>Score a &amp;Folder...</source>
        <translation>&amp;Ordner bewerten...</translation>
    </message>
    <message>
        <source>Score a Folder</source>
        <translation>Ordner bewerten</translation>
    </message>
    <message>
        <source>&amp;Detection Settings...</source>
        <translation>&amp;Erkennungseinstellungen...</translation>
    </message>
    <message>
        <source>%1 (needs a model: Score &gt; Choose Model)</source>
        <translation>%1 (benötigt ein Modell: Bewertung &gt; Modell wählen)</translation>
    </message>
    <message>
        <source>Choose the AnomalyCLIP checkpoint first; Help &gt; System Check says where to get it.</source>
        <translation>Wählen Sie zuerst den AnomalyCLIP-Checkpoint; wo es ihn gibt, steht unter Hilfe &gt; Systemprüfung.</translation>
    </message>
</context>
<context>
    <name>vigil::ScoreTimeline</name>
    <message>
        <source>Score timeline</source>
        <translation>Zeitleiste der Anomaliewerte</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Anomaliewert</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>The scores of the video shown appear here: open one from the Videos list.</source>
        <translation>Die Anomaliewerte des angezeigten Videos erscheinen hier: Öffnen Sie eines aus der Videoliste.</translation>
    </message>
    <message>
        <source>No scores for this video yet: choose a model and score it (Score menu).</source>
        <translation>Noch keine Anomaliewerte für dieses Video: Wählen Sie ein Modell und bewerten Sie es (Menü Bewertung).</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>Kein Video</translation>
    </message>
    <message>
        <source>Frame %1 of %2, %3:%4</source>
        <translation>Frame %1 von %2, %3:%4</translation>
    </message>
    <message>
        <source>, score %1</source>
        <translation>, Anomaliewert %1</translation>
    </message>
    <message>
        <source>, in detection %1 of %2</source>
        <translation>, in Erkennung %1 von %2</translation>
    </message>
    <message>
        <source>Detection %1 of %2: frames %3 to %4</source>
        <translation>Erkennung %1 von %2: Frames %3 bis %4</translation>
    </message>
    <message>
        <source>Frame %1
%2</source>
        <translation>Frame %1
%2</translation>
    </message>
</context>
<context>
    <name>vigil::ScoringQueue</name>
    <message>
        <source>The class list &apos;%1&apos; cannot be read</source>
        <translation>Die Klassenliste „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Safe Mode scores on the CPU only, and fp16 runs on a GPU: choose CPU in Score &gt; Choose Model, or restart normally.</source>
        <translation>Im abgesicherten Modus wird nur auf der CPU bewertet, fp16 läuft aber auf einer GPU: Wählen Sie CPU unter Bewertung &gt; Modell wählen, oder starten Sie normal neu.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 could not be scored: %2</source>
        <translation>%1 konnte nicht bewertet werden: %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Scoring done</source>
        <translation>Bewertung abgeschlossen</translation>
    </message>
    <message>
        <source>Model loaded, scoring on %1</source>
        <translation>Modell geladen, Bewertung auf %1</translation>
    </message>
    <message>
        <source>Choose a model first (Score &gt; Choose Model).</source>
        <translation>Wählen Sie zuerst ein Modell (Bewertung &gt; Modell wählen).</translation>
    </message>
    <message>
        <source>Nothing to score</source>
        <translation>Nichts zu bewerten</translation>
    </message>
    <message>
        <source>Done (cached features)</source>
        <translation>Fertig (zwischengespeicherte Merkmale)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>vigil::ScoringWorker</name>
    <message>
        <source>the cached features could not be read and were computed again: %1</source>
        <translation>die zwischengespeicherten Merkmale waren nicht lesbar und wurden neu berechnet: %1</translation>
    </message>
    <message>
        <source>imported features %1 ignored: %2 rows for %3 frames</source>
        <translation>importierte Merkmale %1 ignoriert: %2 Zeilen für %3 Frames</translation>
    </message>
</context>
<context>
    <name>vigil::SettingsController</name>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;Reset Settings...</source>
        <translation>Einstellungen &amp;zurücksetzen...</translation>
    </message>
    <message>
        <source>The setting asks for CPU int8, which this machine&apos;s LibTorch lacks: scoring in fp32</source>
        <translation>Die Einstellung verlangt CPU int8, was LibTorch auf diesem Rechner nicht unterstützt: Bewertung in fp32</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved in %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove every cached feature in %1? Scores stay; re-scoring or training a video will decode it again.</source>
        <translation>Alle zwischengespeicherten Merkmale in %1 entfernen? Die Anomaliewerte bleiben erhalten; erneutes Bewerten oder Training dekodiert das Video dann neu.</translation>
    </message>
    <message>
        <source>Remove every seek proxy in %1? They are made again when needed.</source>
        <translation>Alle Such-Proxys in %1 entfernen? Sie werden bei Bedarf neu erstellt.</translation>
    </message>
    <message>
        <source>Reset Settings</source>
        <translation>Einstellungen zurücksetzen</translation>
    </message>
    <message>
        <source>Put every setting back to its default (compute, detection defaults, caches, export, your name)? Projects, labels and caches are not touched.</source>
        <translation>Alle Einstellungen auf ihre Standardwerte zurücksetzen (Berechnung, Erkennungsvorgaben, Caches, Export, Ihr Name)? Projekte, Markierungen und Cache-Inhalte bleiben unberührt.</translation>
    </message>
    <message>
        <source>Settings reset to their defaults</source>
        <translation>Einstellungen auf Standardwerte zurückgesetzt</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Key set exported to %1 (%n change(s) from the defaults).</source>
        <translation>
            <numerusform>Tastenbelegung nach %1 exportiert (%n Abweichung vom Standard).</numerusform>
            <numerusform>Tastenbelegung nach %1 exportiert (%n Abweichungen vom Standard).</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Export Key Set</source>
        <translation>Tastenbelegung exportieren</translation>
    </message>
    <message>
        <source>Key sets (*.txt);;All files (*)</source>
        <translation>Tastenbelegungen (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import Key Set</source>
        <translation>Tastenbelegung importieren</translation>
    </message>
</context>
<context>
    <name>vigil::SettingsDialog</name>
    <message>
        <source>Automatic (a GPU when there is one)</source>
        <translation>Automatisch (GPU, falls vorhanden)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU int8 (faster, features close to fp32&apos;s)</source>
        <translation>CPU int8 (schneller, Merkmale nahe an fp32)</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>CUDA GPU fp16</source>
        <translation>CUDA-GPU fp16</translation>
    </message>
    <message>
        <source>built in: ~/.cache/vigil/features</source>
        <translation>Standard: ~/.cache/vigil/features</translation>
    </message>
    <message>
        <source>built in: ~/.cache/vigil/proxies</source>
        <translation>Standard: ~/.cache/vigil/proxies</translation>
    </message>
    <message>
        <source>beside the project</source>
        <translation>neben dem Projekt</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnung</translation>
    </message>
    <message>
        <source>Where scoring runs and how. A flag on vigil-cli&apos;s command line wins over these.</source>
        <translation>Wo und wie die Bewertung läuft. Optionen auf der Befehlszeile von vigil-cli haben Vorrang.</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>A project created from now on starts with these; each project keeps its own (Score menu).</source>
        <translation>Ab jetzt erstellte Projekte beginnen mit diesen Werten; jedes Projekt behält seine eigenen (Menü Bewertung).</translation>
    </message>
    <message>
        <source>Caches</source>
        <translation>Caches</translation>
    </message>
    <message>
        <source>The feature cache lets a video be re-scored and trained on without decoding it again; seek proxies make seeking in long-GOP videos quick. Past its limit, the least recently used go first.</source>
        <translation>Mit dem Merkmal-Cache lässt sich ein Video neu bewerten und zum Training nutzen, ohne es erneut zu dekodieren; Such-Proxys beschleunigen das Springen in Videos mit langen GOPs. Wird das Limit überschritten, werden die am längsten nicht genutzten Einträge zuerst entfernt.</translation>
    </message>
    <message>
        <source>Clear the Feature Cache</source>
        <translation>Merkmal-Cache leeren</translation>
    </message>
    <message>
        <source>Clear the Seek Proxies</source>
        <translation>Such-Proxys löschen</translation>
    </message>
    <message>
        <source>Feature cache now</source>
        <translation>Merkmal-Cache derzeit</translation>
    </message>
    <message>
        <source>Seek proxies now</source>
        <translation>Such-Proxys derzeit</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>The starting choices of File &gt; Export Clips.</source>
        <translation>Die Voreinstellungen von Datei &gt; Clips exportieren.</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analyst</translation>
    </message>
    <message>
        <source>The name the audit trail gives your labels and decisions.</source>
        <translation>Der Name, unter dem das Änderungsprotokoll Ihre Markierungen und Entscheidungen führt.</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>einer pro Kern</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>%1 auswählen</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>The desktop&apos;s</source>
        <translation>Wie der Desktop</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <source>The language applies from Vigil&apos;s next start; the theme at once.</source>
        <translation>Die Sprache gilt ab dem nächsten Start von Vigil, das Design sofort.</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
</context>
<context>
    <name>vigil::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>Filter by action or key</source>
        <translation>Nach Aktion oder Taste filtern</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>vigil::StartPage</name>
    <message>
        <source>&lt;h1&gt;Vigil&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Vigil&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Review surveillance video with AnomalyCLIP anomaly scores. Start a project, open one, or drop videos or a folder here to add them to your default project.</source>
        <translation>Überwachungsvideos anhand von AnomalyCLIP-Anomaliewerten prüfen. Legen Sie ein Projekt an, öffnen Sie eines, oder ziehen Sie Videos oder einen Ordner hierher, um sie Ihrem Standardprojekt hinzuzufügen.</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>&amp;Neues Projekt...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>Projekt ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>System &amp;Check...</source>
        <translation>&amp;Systemprüfung...</translation>
    </message>
    <message>
        <source>Whether the model, the vocabulary, the devices, the decoders and the disk space Vigil needs are here, and what to do when one is not.</source>
        <translation>Ob Modell, Vokabular, Geräte, Decoder und Speicherplatz, die Vigil braucht, vorhanden sind, und was zu tun ist, wenn etwas fehlt.</translation>
    </message>
    <message>
        <source>Scoring needs the AnomalyCLIP model files: the system check says whether they are here.</source>
        <translation>Die Bewertung braucht die Modelldateien von AnomalyCLIP: Die Systemprüfung zeigt, ob sie vorhanden sind.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zuletzt geöffnete Projekte&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <source>Projects you open appear here.</source>
        <translation>Projekte, die Sie öffnen, erscheinen hier.</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>Aus &amp;Liste entfernen</translation>
    </message>
    <message>
        <source>Forget the selected project here; its file is not touched.</source>
        <translation>Ausgewähltes Projekt aus dieser Liste entfernen; die Datei selbst bleibt unberührt.</translation>
    </message>
    <message>
        <source>%1 (missing: %2)</source>
        <translation>%1 (fehlt: %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 is not there any more: remove it from the list, or put the file back</source>
        <translation>%1 ist nicht mehr vorhanden: Entfernen Sie es aus der Liste, oder legen Sie die Datei zurück</translation>
    </message>
</context>
<context>
    <name>vigil::SystemCheckDialog</name>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>System Check</source>
        <translation>Systemprüfung</translation>
    </message>
    <message>
        <source>What the check found</source>
        <translation>Ergebnisse der Prüfung</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>&amp;Use This Model</source>
        <translation>&amp;Dieses Modell verwenden</translation>
    </message>
    <message>
        <source>Checking: the model loads and its speed is measured, which takes a few seconds...</source>
        <translation>Prüfung läuft: Das Modell wird geladen und seine Geschwindigkeit gemessen, das dauert einige Sekunden...</translation>
    </message>
    <message>
        <source>Choose File...</source>
        <translation>Datei wählen...</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>AnomalyCLIP Checkpoint</source>
        <translation>AnomalyCLIP-Checkpoint</translation>
    </message>
    <message>
        <source>Checkpoints (*.ckpt);;All files (*)</source>
        <translation>Checkpoints (*.ckpt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Normal Centroid</source>
        <translation>Normal-Zentroid</translation>
    </message>
    <message>
        <source>Centroids (*.pt *.npy);;All files (*)</source>
        <translation>Zentroide (*.pt *.npy);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Class List</source>
        <translation>Klassenliste</translation>
    </message>
    <message>
        <source>Class lists (*.csv);;All files (*)</source>
        <translation>Klassenlisten (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CLIP Vocabulary</source>
        <translation>CLIP-Vokabular</translation>
    </message>
    <message>
        <source>CLIP vocabulary (*.txt.gz *.txt);;All files (*)</source>
        <translation>CLIP-Vokabular (*.txt.gz *.txt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>vigil::TimelineMinimap</name>
    <message>
        <source>Timeline overview: click to move the view</source>
        <translation>Zeitleistenübersicht: klicken, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>vigil::TrainingController</name>
    <message>
        <source>The check failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune Model...</source>
        <translation>Modell &amp;feinabstimmen...</translation>
    </message>
    <message>
        <source>Use Model &amp;Version...</source>
        <translation>Modell&amp;version verwenden...</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Fine-Tune Model</source>
        <translation>Modell feinabstimmen</translation>
    </message>
    <message>
        <source>Open a project and choose the model to start from (Score &gt; Choose Model) first.</source>
        <translation>Öffnen Sie zuerst ein Projekt und wählen Sie das Ausgangsmodell (Bewertung &gt; Modell wählen).</translation>
    </message>
    <message numerus="yes">
        <source>Scoring %n video(s); the check runs again when they are done...</source>
        <translation>
            <numerusform>%n Video wird bewertet; danach läuft die Prüfung erneut...</numerusform>
            <numerusform>%n Videos werden bewertet; danach läuft die Prüfung erneut...</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the project&apos;s training data...</source>
        <translation>Trainingsdaten des Projekts werden geprüft...</translation>
    </message>
    <message>
        <source>The new model needs a name.</source>
        <translation>Das neue Modell braucht einen Namen.</translation>
    </message>
    <message>
        <source>Use Model Version</source>
        <translation>Modellversion verwenden</translation>
    </message>
    <message>
        <source>The project has no model yet.</source>
        <translation>Das Projekt hat noch kein Modell.</translation>
    </message>
    <message>
        <source> (fine-tuned, validation AUC %1)</source>
        <translation> (feinabgestimmt, Validierungs-AUC %1)</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
</context>
<context>
    <name>vigil::TrainingDialog</name>
    <message>
        <source>Fine-Tune Model</source>
        <translation>Modell feinabstimmen</translation>
    </message>
    <message>
        <source>Training data: every video with a class (imported annotations) or labels, from its cached features.</source>
        <translation>Trainingsdaten: jedes Video mit einer Klasse (importierte Annotationen) oder mit Markierungen, aus seinen zwischengespeicherten Merkmalen.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Training videos</source>
        <translation>Trainingsvideos</translation>
    </message>
    <message>
        <source>Validation videos</source>
        <translation>Validierungsvideos</translation>
    </message>
    <message>
        <source>Labelled frames</source>
        <translation>Markierte Frames</translation>
    </message>
    <message>
        <source>Classes the model does not have</source>
        <translation>Klassen, die das Modell nicht kennt</translation>
    </message>
    <message>
        <source>Ticked classes are learned with their own prompt and context; the videos of the others are left out.</source>
        <translation>Angehakte Klassen werden mit eigenem Prompt und Kontext gelernt; die Videos der übrigen werden ausgelassen.</translation>
    </message>
    <message>
        <source>CLIP vocabulary</source>
        <translation>CLIP-Vokabular</translation>
    </message>
    <message>
        <source>bpe_simple_vocab_16e6.txt.gz</source>
        <translation>bpe_simple_vocab_16e6.txt.gz</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>CLIP Vocabulary</source>
        <translation>CLIP-Vokabular</translation>
    </message>
    <message>
        <source>CLIP vocabulary (*.txt.gz *.txt);;All files (*)</source>
        <translation>CLIP-Vokabular (*.txt.gz *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New model&apos;s name</source>
        <translation>Name des neuen Modells</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Warm-up epochs (the first at learning rate 0)</source>
        <translation>Aufwärm-Epochen (die erste mit Lernrate 0)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Videos per step (half abnormal)</source>
        <translation>Videos pro Schritt (zur Hälfte anomal)</translation>
    </message>
    <message>
        <source>Held out for validation (share of each class)</source>
        <translation>Für die Validierung zurückgehalten (Anteil je Klasse)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Also learn from the labelled frames (Vigil&apos;s addition to the paper)</source>
        <translation>Auch aus den markierten Frames lernen (Ergänzung von Vigil gegenüber dem Paper)</translation>
    </message>
    <message>
        <source>Weight of the labelled frames</source>
        <translation>Gewicht der markierten Frames</translation>
    </message>
    <message>
        <source>Keep the model&apos;s normal centroid (else: the mean of the normal videos)</source>
        <translation>Normal-Zentroid des Modells beibehalten (sonst: Mittelwert der normalen Videos)</translation>
    </message>
    <message>
        <source>Score Unscored Videos</source>
        <translation>Unbewertete Videos bewerten</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Checking the project&apos;s training data...</source>
        <translation>Trainingsdaten des Projekts werden geprüft...</translation>
    </message>
    <message>
        <source>%1 (normal)</source>
        <translation>%1 (normal)</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1 (neu)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n video(s))</source>
        <translation>
            <numerusform>%1 (%n Video)</numerusform>
            <numerusform>%1 (%n Videos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) with a class have no cached features yet: score them first.</source>
        <translation>
            <numerusform>%n Video mit Klasse hat noch keine zwischengespeicherten Merkmale: Bewerten Sie es zuerst.</numerusform>
            <numerusform>%n Videos mit Klasse haben noch keine zwischengespeicherten Merkmale: Bewerten Sie sie zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Imbalance between the abnormal classes: %1x (above 3x is a warning).</source>
        <translation>Ungleichgewicht zwischen den anomalen Klassen: %1x (über 3x gilt als Warnung).</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n video(s).</source>
        <translation>
            <numerusform>Bereit: %n Video.</numerusform>
            <numerusform>Bereit: %n Videos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TrainingPanel</name>
    <message>
        <source>total loss</source>
        <translation>Gesamtverlust</translation>
    </message>
    <message>
        <source>dir_abn</source>
        <translation>dir_abn</translation>
    </message>
    <message>
        <source>dir_nor</source>
        <translation>dir_nor</translation>
    </message>
    <message>
        <source>topk_abn</source>
        <translation>topk_abn</translation>
    </message>
    <message>
        <source>bottomk_abn</source>
        <translation>bottomk_abn</translation>
    </message>
    <message>
        <source>topk_nor</source>
        <translation>topk_nor</translation>
    </message>
    <message>
        <source>smooth</source>
        <translation>smooth</translation>
    </message>
    <message>
        <source>sparse</source>
        <translation>sparse</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <source>validation AUC</source>
        <translation>Validierungs-AUC</translation>
    </message>
    <message>
        <source>validation AP</source>
        <translation>Validierungs-AP</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>validation AUC / AP</source>
        <translation>Validierungs-AUC / -AP</translation>
    </message>
    <message>
        <source>No training run.</source>
        <translation>Kein Trainingslauf.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Training &apos;%1&apos; on %2 video(s), validating on %3: epoch %4 of %5...</source>
        <translation>Training von „%1“ mit %2 Video(s), Validierung mit %3: Epoche %4 von %5...</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: epoch %2 of %3, loss %4, validation AUC %5, AP %6%7</source>
        <translation>„%1“: Epoche %2 von %3, Verlust %4, Validierungs-AUC %5, AP %6%7</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source> (best so far)</source>
        <translation> (bisher beste)</translation>
    </message>
    <message>
        <source>epoch %1/%2, step %3/%4, about %5 s left</source>
        <translation>Epoche %1/%2, Schritt %3/%4, noch etwa %5 s</translation>
    </message>
    <message>
        <source>epoch %1/%2, step %3/%4</source>
        <translation>Epoche %1/%2, Schritt %3/%4</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a new model of the project (epoch %2, validation AUC %3); the project is re-scored with it.</source>
        <translation>„%1“ ist ein neues Modell des Projekts (Epoche %2, Validierungs-AUC %3); das Projekt wird damit neu bewertet.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled after epoch %1 of %2: the project&apos;s models are unchanged. Resume goes on from epoch %3.</source>
        <translation>Nach Epoche %1 von %2 abgebrochen: Die Modelle des Projekts sind unverändert. Fortsetzen macht ab Epoche %3 weiter.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>vigil::TransportController</name>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Go to frame or mm:ss</source>
        <translation>Frame oder mm:ss</translation>
    </message>
    <message>
        <source>Go to frame or time</source>
        <translation>Zu Frame oder Zeit springen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Playing at %1x</source>
        <translation>Wiedergabe mit %1x</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n Frame</numerusform>
            <numerusform>%n Frames</numerusform>
        </translation>
    </message>
    <message>
        <source>No video open</source>
        <translation>Kein Video geöffnet</translation>
    </message>
    <message>
        <source>Frame %1 / %2   %3 s</source>
        <translation>Frame %1 / %2   %3 s</translation>
    </message>
    <message>
        <source>Speed %1x</source>
        <translation>Geschwindigkeit %1x</translation>
    </message>
    <message>
        <source>No frame &apos;%1&apos; in this video</source>
        <translation>Kein Frame „%1“ in diesem Video</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Abspielen oder pausieren</translation>
    </message>
    <message>
        <source>Play forwards; again: faster</source>
        <translation>Vorwärts abspielen; erneut: schneller</translation>
    </message>
    <message>
        <source>Play backwards; again: faster</source>
        <translation>Rückwärts abspielen; erneut: schneller</translation>
    </message>
    <message>
        <source>Double the speed</source>
        <translation>Geschwindigkeit verdoppeln</translation>
    </message>
    <message>
        <source>Halve the speed</source>
        <translation>Geschwindigkeit halbieren</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Nächster Frame</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Vorheriger Frame</translation>
    </message>
    <message>
        <source>One second forwards</source>
        <translation>Eine Sekunde vor</translation>
    </message>
    <message>
        <source>One second backwards</source>
        <translation>Eine Sekunde zurück</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>Erster Frame</translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation>Letzter Frame</translation>
    </message>
    <message>
        <source>Go to a frame or time</source>
        <translation>Zu einem Frame oder einer Zeit springen</translation>
    </message>
</context>
<context>
    <name>vigil::VideoListController</name>
    <message>
        <source>Videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <source>No videos in this project yet: File &gt; Add Videos or Add Folder, or drop files here.</source>
        <translation>Noch keine Videos in diesem Projekt: Datei &gt; Videos hinzufügen oder Ordner hinzufügen, oder ziehen Sie Dateien hierher.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>Set Video Class...</source>
        <translation>Videoklasse festlegen...</translation>
    </message>
    <message>
        <source>Relink to File...</source>
        <translation>Mit Datei neu verknüpfen...</translation>
    </message>
    <message>
        <source>Relink Video</source>
        <translation>Video neu verknüpfen</translation>
    </message>
    <message>
        <source> (missing)</source>
        <translation> (fehlt)</translation>
    </message>
    <message>
        <source> (scored)</source>
        <translation> (bewertet)</translation>
    </message>
    <message>
        <source> [%1]</source>
        <translation> [%1]</translation>
    </message>
    <message>
        <source>%1
%2x%3, %4 frames, %5 fps</source>
        <translation>%1
%2x%3, %4 Frames, %5 fps</translation>
    </message>
</context>
<context>
    <name>vigil::VideoMetricsController</name>
    <message>
        <source>AUC %1 AP %2</source>
        <translation>AUC %1 AP %2</translation>
    </message>
    <message>
        <source>AUC and AP against %1</source>
        <translation>AUC und AP gegenüber %1</translation>
    </message>
</context>
<context>
    <name>vigil::VideoView</name>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>No video open: choose one in the Videos list, or drop video files here.</source>
        <translation>Kein Video geöffnet: Wählen Sie eines in der Videoliste, oder ziehen Sie Videodateien hierher.</translation>
    </message>
    <message>
        <source>Frame %1   %2 s</source>
        <translation>Frame %1   %2 s</translation>
    </message>
    <message>
        <source>Preview (exact frame decoding)</source>
        <translation>Vorschau (framegenaue Dekodierung)</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>Anomaliewert %1</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>Score %1, above threshold</source>
        <translation>Anomaliewert %1, über der Schwelle</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>Kein Video</translation>
    </message>
    <message>
        <source>Frame %1 of %2, %3 s</source>
        <translation>Frame %1 von %2, %3 s</translation>
    </message>
    <message>
        <source>Frame %1, %2 s</source>
        <translation>Frame %1, %2 s</translation>
    </message>
    <message>
        <source>, score %1, above threshold</source>
        <translation>, Anomaliewert %1, über der Schwelle</translation>
    </message>
    <message>
        <source>, score %1</source>
        <translation>, Anomaliewert %1</translation>
    </message>
    <message>
        <source>, %1 %2%</source>
        <translation>, %1 %2 %</translation>
    </message>
    <message>
        <source>Video player</source>
        <translation>Videoplayer</translation>
    </message>
</context>
<context>
    <name>vigil::WorkstationController</name>
    <message>
        <source>%1 is read-only here (the file or its folder is not writable): it is shown, not changed</source>
        <translation>%1 ist hier schreibgeschützt (die Datei oder ihr Ordner ist nicht beschreibbar): Es wird angezeigt, aber nicht geändert</translation>
    </message>
    <message>
        <source>Another Vigil has %1 open: it is shown read-only here, and edits are refused</source>
        <translation>Eine andere Vigil-Instanz hat %1 geöffnet: Es wird hier schreibgeschützt angezeigt, Änderungen werden abgewiesen</translation>
    </message>
    <message>
        <source>%1 is missing: relink it or restore the file</source>
        <translation>%1 fehlt: Verknüpfen Sie es neu, oder stellen Sie die Datei wieder her</translation>
    </message>
</context>
</TS>
