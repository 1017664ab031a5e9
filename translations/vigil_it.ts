<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>KeyMap</name>
    <message>
        <source>There is no action %1.</source>
        <translation>Non esiste l&apos;azione %1.</translation>
    </message>
    <message>
        <source>%1 is already used by &quot;%2&quot; (%3).</source>
        <translation>%1 è già usato da &quot;%2&quot; (%3).</translation>
    </message>
    <message>
        <source>Unknown action: %1</source>
        <translation>Azione sconosciuta: %1</translation>
    </message>
    <message>
        <source>Unreadable key for %1: %2</source>
        <translation>Tasto illeggibile per %1: %2</translation>
    </message>
    <message>
        <source>%1 would do two things: &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>%1 farebbe due cose: &quot;%2&quot; e &quot;%3&quot;.</translation>
    </message>
</context>
<context>
    <name>LabelHistoryDialogs</name>
    <message>
        <source>History of Label %1</source>
        <translation>Cronologia dell&apos;etichetta %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Prima</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Dopo</translation>
    </message>
    <message>
        <source>Label History of This Video</source>
        <translation>Cronologia etichette di questo video</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>Analyst Report</source>
        <translation>Rapporto sugli analisti</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analista</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etichette</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisioni</translation>
    </message>
    <message>
        <source>Accepted unchanged</source>
        <translation>Accettati senza modifiche</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modificati</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rifiutati</translation>
    </message>
    <message>
        <source>Unchanged share</source>
        <translation>Quota senza modifiche</translation>
    </message>
    <message>
        <source>Mean decision time</source>
        <translation>Tempo medio di decisione</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(sconosciuto)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
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
        <translation>Imposta la classe del video su &apos;%1&apos;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <source>frames %1-%2, %3%4</source>
        <translation>fotogrammi %1-%2, %3%4</translation>
    </message>
    <message>
        <source>UCF-Crime temporal annotations (.txt)</source>
        <translation>Annotazioni temporali UCF-Crime (.txt)</translation>
    </message>
    <message>
        <source>XD-Violence annotations.txt (.txt)</source>
        <translation>annotations.txt di XD-Violence (.txt)</translation>
    </message>
    <message>
        <source>ShanghaiTech frame masks (folder of .npy)</source>
        <translation>Maschere dei fotogrammi ShanghaiTech (cartella di file .npy)</translation>
    </message>
    <message>
        <source>CSV, every field (.csv)</source>
        <translation>CSV, tutti i campi (.csv)</translation>
    </message>
    <message>
        <source>JSON, every field and the project&apos;s classes (.json)</source>
        <translation>JSON, tutti i campi e le classi del progetto (.json)</translation>
    </message>
</context>
<context>
    <name>ScoreDialogs</name>
    <message>
        <source>Choose Model</source>
        <translation>Scegli modello</translation>
    </message>
    <message>
        <source>Checkpoint (last.ckpt)</source>
        <translation>Checkpoint (last.ckpt)</translation>
    </message>
    <message>
        <source>Normal centroid (ncentroid.pt)</source>
        <translation>Centroide normale (ncentroid.pt)</translation>
    </message>
    <message>
        <source>Classes (ucf, xd, sht or a CSV file)</source>
        <translation>Classi (ucf, xd, sht o un file CSV)</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatico (GPU se disponibile)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU, int8 (about 2.5x faster with ViT-B/16, scores within 0.01 of fp32)</source>
        <translation>CPU, int8 (circa 2,5x più veloce con ViT-B/16, punteggi entro 0,01 da quelli fp32)</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>CUDA GPU, fp16</source>
        <translation>GPU CUDA, fp16</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Detection Settings</source>
        <translation>Impostazioni di rilevamento</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Soglia</translation>
    </message>
    <message>
        <source>Hysteresis (an event lasts while the score stays above threshold minus this)</source>
        <translation>Isteresi (un evento dura finché il punteggio resta sopra la soglia meno questo valore)</translation>
    </message>
    <message>
        <source>Minimum duration</source>
        <translation>Durata minima</translation>
    </message>
    <message>
        <source>Merge events closer than</source>
        <translation>Unisci eventi distanti meno di</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>&amp;Device</source>
        <translation>&amp;Dispositivo</translation>
    </message>
    <message>
        <source>CPU &amp;threads</source>
        <translation>&amp;Thread CPU</translation>
    </message>
    <message>
        <source>&amp;Batch (frames)</source>
        <translation>&amp;Lotto (fotogrammi)</translation>
    </message>
    <message>
        <source>&amp;Stride (every Nth frame)</source>
        <translation>&amp;Passo (un fotogramma ogni N)</translation>
    </message>
    <message>
        <source>&amp;Threshold</source>
        <translation>&amp;Soglia</translation>
    </message>
    <message>
        <source>&amp;Hysteresis</source>
        <translation>&amp;Isteresi</translation>
    </message>
    <message>
        <source>Shortest &amp;detection (s)</source>
        <translation>Durata minima del &amp;rilevamento (s)</translation>
    </message>
    <message>
        <source>&amp;Merge gap (s)</source>
        <translation>Intervallo di &amp;unione (s)</translation>
    </message>
    <message>
        <source>&amp;Feature cache folder</source>
        <translation>Cartella della &amp;cache delle feature</translation>
    </message>
    <message>
        <source>Feature cache &amp;limit (GiB, 0: none)</source>
        <translation>&amp;Limite della cache delle feature (GiB, 0: nessuno)</translation>
    </message>
    <message>
        <source>Seek &amp;proxy folder</source>
        <translation>Cartella dei &amp;proxy di ricerca</translation>
    </message>
    <message>
        <source>Seek proxy l&amp;imit (GiB, 0: none)</source>
        <translation>L&amp;imite dei proxy di ricerca (GiB, 0: nessuno)</translation>
    </message>
    <message>
        <source>&amp;Padding (s)</source>
        <translation>&amp;Margine (s)</translation>
    </message>
    <message>
        <source>&amp;Re-encode (frame-exact ends)</source>
        <translation>&amp;Ricodifica (estremi precisi al fotogramma)</translation>
    </message>
    <message>
        <source>Burn in the &amp;overlay</source>
        <translation>Imprimi la &amp;sovrimpressione</translation>
    </message>
    <message>
        <source>Output &amp;folder</source>
        <translation>&amp;Cartella di destinazione</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Il tuo &amp;nome</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Tema</translation>
    </message>
</context>
<context>
    <name>SettingsTable</name>
    <message>
        <source>Where scoring runs: auto (CUDA when there is a GPU), cpu, cpu-int8 (about 2.5x faster with ViT-B/16, features close to fp32&apos;s), cuda, cuda-fp16.</source>
        <translation>Dove viene eseguita l&apos;analisi: auto (CUDA se c&apos;è una GPU), cpu, cpu-int8 (circa 2,5x più veloce con ViT-B/16, feature vicine a quelle fp32), cuda, cuda-fp16.</translation>
    </message>
    <message>
        <source>CPU threads for the model (0: one per core).</source>
        <translation>Thread CPU per il modello (0: uno per core).</translation>
    </message>
    <message>
        <source>Frames in the image encoder at once.</source>
        <translation>Fotogrammi elaborati insieme dall&apos;encoder delle immagini.</translation>
    </message>
    <message>
        <source>Score every Nth frame (1: every frame).</source>
        <translation>Analizza un fotogramma ogni N (1: tutti i fotogrammi).</translation>
    </message>
    <message>
        <source>New projects: the score at which a frame is an alarm.</source>
        <translation>Nuovi progetti: il punteggio a partire dal quale un fotogramma è un allarme.</translation>
    </message>
    <message>
        <source>New projects: how far below the threshold a detection ends.</source>
        <translation>Nuovi progetti: quanto sotto la soglia termina un rilevamento.</translation>
    </message>
    <message>
        <source>New projects: shortest detection, in seconds.</source>
        <translation>Nuovi progetti: durata minima di un rilevamento, in secondi.</translation>
    </message>
    <message>
        <source>New projects: detections closer than this many seconds become one.</source>
        <translation>Nuovi progetti: i rilevamenti distanti meno di questi secondi diventano uno solo.</translation>
    </message>
    <message>
        <source>Feature cache folder (empty: ~/.cache/vigil/features).</source>
        <translation>Cartella della cache delle feature (vuota: ~/.cache/vigil/features).</translation>
    </message>
    <message>
        <source>Feature cache size limit in GiB; the least recently used go first (0: no limit).</source>
        <translation>Dimensione massima della cache delle feature in GiB; si eliminano prima le meno usate di recente (0: nessun limite).</translation>
    </message>
    <message>
        <source>Seek proxy folder (empty: ~/.cache/vigil/proxies).</source>
        <translation>Cartella dei proxy di ricerca (vuota: ~/.cache/vigil/proxies).</translation>
    </message>
    <message>
        <source>Seek proxy size limit in GiB; the least recently used go first (0: no limit).</source>
        <translation>Dimensione massima dei proxy di ricerca in GiB; si eliminano prima quelli usati meno di recente (0: nessun limite).</translation>
    </message>
    <message>
        <source>Seconds of video kept before and after an exported clip.</source>
        <translation>Secondi di video mantenuti prima e dopo una clip esportata.</translation>
    </message>
    <message>
        <source>Re-encode exported clips (frame-exact ends) instead of copying the stream where it can.</source>
        <translation>Ricodifica le clip esportate (estremi precisi al fotogramma) invece di copiare il flusso quando possibile.</translation>
    </message>
    <message>
        <source>Burn the time, frame, score and class into exported clips (re-encodes).</source>
        <translation>Imprimi nelle clip esportate tempo, fotogramma, punteggio e classe (con ricodifica).</translation>
    </message>
    <message>
        <source>Where clips are exported (empty: beside the project).</source>
        <translation>Dove vengono esportate le clip (vuota: accanto al progetto).</translation>
    </message>
    <message>
        <source>The analyst&apos;s name in the audit trail (default: the login name).</source>
        <translation>Il nome dell&apos;analista nel registro delle modifiche (predefinito: il nome utente di accesso).</translation>
    </message>
    <message>
        <source>Language of the desktop application (system: the desktop&apos;s). vigil-cli stays English.</source>
        <translation>Lingua dell&apos;applicazione desktop (system: quella del desktop). vigil-cli resta in inglese.</translation>
    </message>
    <message>
        <source>Colours of the desktop application (system: the desktop&apos;s preference).</source>
        <translation>Colori dell&apos;applicazione desktop (system: la preferenza del desktop).</translation>
    </message>
    <message>
        <source>What a frame&apos;s truth is in the research window and the video list&apos;s figures.</source>
        <translation>Cosa vale come verità di un fotogramma nella finestra di valutazione e nei valori dell&apos;elenco dei video.</translation>
    </message>
    <message>
        <source>The main window&apos;s place and size.</source>
        <translation>Posizione e dimensioni della finestra principale.</translation>
    </message>
    <message>
        <source>The main window&apos;s docks and toolbars.</source>
        <translation>Pannelli e barre degli strumenti della finestra principale.</translation>
    </message>
    <message>
        <source>Recent projects, newest first.</source>
        <translation>Progetti recenti, dal più recente.</translation>
    </message>
    <message>
        <source>The last checkpoint chosen.</source>
        <translation>L&apos;ultimo checkpoint scelto.</translation>
    </message>
    <message>
        <source>Its centroid.</source>
        <translation>Il suo centroide.</translation>
    </message>
    <message>
        <source>Its class list (ucf, xd, sht or a CSV file).</source>
        <translation>Il suo elenco delle classi (ucf, xd, sht o un file CSV).</translation>
    </message>
    <message>
        <source>CLIP&apos;s vocabulary file, for training new classes.</source>
        <translation>Il file del vocabolario di CLIP, per addestrare nuove classi.</translation>
    </message>
    <message>
        <source>Whether the first start&apos;s system check ran.</source>
        <translation>Se è stata eseguita la verifica del sistema al primo avvio.</translation>
    </message>
    <message>
        <source>Keys changed from their defaults, one id=keys each (Settings &gt; Keyboard).</source>
        <translation>Tasti cambiati rispetto ai predefiniti, uno id=tasti per voce (Impostazioni &gt; Tastiera).</translation>
    </message>
</context>
<context>
    <name>SystemCheck</name>
    <message>
        <source>No %1 chosen.</source>
        <translation>Nessun %1 scelto.</translation>
    </message>
    <message>
        <source>%1 is not there.</source>
        <translation>%1 non esiste.</translation>
    </message>
    <message>
        <source>%1 cannot be read (not a file, or no permission).</source>
        <translation>Impossibile leggere %1 (non è un file o mancano i permessi).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Everything Vigil needs is here.</source>
        <translation>È presente tutto ciò che serve a Vigil.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avviso</numerusform>
            <numerusform>%n avvisi</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>: each says below what to do</source>
        <translation>: qui sotto è indicato cosa fare per ciascuno</translation>
    </message>
    <message>
        <source>AnomalyCLIP&apos;s authors publish the checkpoints: download the checkpoints folder from their Google Drive (%1, linked from github.com/luca-zanella-dvl/AnomalyCLIP) and choose checkpoints/&lt;dataset&gt;/last.ckpt.</source>
        <translation>Gli autori di AnomalyCLIP pubblicano i checkpoint: scarica la cartella checkpoints dal loro Google Drive (%1, indicato su github.com/luca-zanella-dvl/AnomalyCLIP) e scegli checkpoints/&lt;dataset&gt;/last.ckpt.</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>checkpoint (last.ckpt)</source>
        <translation>checkpoint (last.ckpt)</translation>
    </message>
    <message>
        <source>Normal centroid</source>
        <translation>Centroide normale</translation>
    </message>
    <message>
        <source>normal centroid (ncentroid.pt)</source>
        <translation>centroide normale (ncentroid.pt)</translation>
    </message>
    <message>
        <source>ncentroid.pt comes with the checkpoint, in the same folder of the authors&apos; download: choose it.</source>
        <translation>ncentroid.pt è fornito insieme al checkpoint, nella stessa cartella scaricata dagli autori: sceglilo.</translation>
    </message>
    <message>
        <source>Class list</source>
        <translation>Elenco delle classi</translation>
    </message>
    <message>
        <source>%1: %2 classes (%3)</source>
        <translation>%1: %2 classi (%3)</translation>
    </message>
    <message>
        <source>Use ucf, xd or sht for the three datasets&apos; lists, or choose a CSV file of id,name rows.</source>
        <translation>Usa ucf, xd o sht per gli elenchi dei tre dataset, oppure scegli un file CSV con righe id,name.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>%1; %2 classes; encoder fingerprint %3; loaded in %4 s</source>
        <translation>%1; %2 classi; impronta dell&apos;encoder %3; caricato in %4 s</translation>
    </message>
    <message>
        <source>The checkpoint, centroid and class list must belong together: the authors&apos; checkpoints/&lt;dataset&gt;/last.ckpt, its ncentroid.pt, and that dataset&apos;s classes.</source>
        <translation>Checkpoint, centroide ed elenco delle classi devono corrispondere: il file checkpoints/&lt;dataset&gt;/last.ckpt degli autori, il relativo ncentroid.pt e le classi di quel dataset.</translation>
    </message>
    <message>
        <source>Not loaded: the files above are needed first.</source>
        <translation>Non caricato: prima servono i file qui sopra.</translation>
    </message>
    <message>
        <source>CLIP vocabulary</source>
        <translation>Vocabolario CLIP</translation>
    </message>
    <message>
        <source>Not chosen (optional). Scoring does not need it; teaching a model a new class does.</source>
        <translation>Non scelto (facoltativo). Non serve per l&apos;analisi, ma per insegnare una nuova classe a un modello sì.</translation>
    </message>
    <message>
        <source>bpe_simple_vocab_16e6.txt.gz comes with CLIP and AnomalyCLIP&apos;s repository: choose it to check class names against the checkpoint and to add classes.</source>
        <translation>bpe_simple_vocab_16e6.txt.gz è incluso nei repository di CLIP e di AnomalyCLIP: sceglilo per verificare i nomi delle classi rispetto al checkpoint e per aggiungere classi.</translation>
    </message>
    <message>
        <source>vocabulary</source>
        <translation>vocabolario</translation>
    </message>
    <message>
        <source>, CLIP&apos;s 48,894 merges</source>
        <translation>, le 48.894 fusioni BPE di CLIP</translation>
    </message>
    <message>
        <source>Choose CLIP&apos;s own bpe_simple_vocab_16e6.txt.gz.</source>
        <translation>Scegli il file bpe_simple_vocab_16e6.txt.gz originale di CLIP.</translation>
    </message>
    <message>
        <source>Choose CLIP&apos;s bpe_simple_vocab_16e6.txt.gz.</source>
        <translation>Scegli il file bpe_simple_vocab_16e6.txt.gz di CLIP.</translation>
    </message>
    <message>
        <source>Compute devices</source>
        <translation>Dispositivi di calcolo</translation>
    </message>
    <message>
        <source>CPU: %1 logical processors</source>
        <translation>CPU: %1 processori logici</translation>
    </message>
    <message numerus="yes">
        <source>; CUDA: %n device(s)</source>
        <translation>
            <numerusform>; CUDA: %n dispositivo</numerusform>
            <numerusform>; CUDA: %n dispositivi</numerusform>
        </translation>
    </message>
    <message>
        <source>; no CUDA device found (LibTorch has CUDA %1)</source>
        <translation>; nessun dispositivo CUDA trovato (LibTorch include CUDA %1)</translation>
    </message>
    <message>
        <source>; this LibTorch is built without CUDA (docs/cuda.md says how to use a GPU)</source>
        <translation>; questa LibTorch è compilata senza CUDA (docs/cuda.md spiega come usare una GPU)</translation>
    </message>
    <message>
        <source>; Safe Mode: CPU only</source>
        <translation>; modalità provvisoria: solo CPU</translation>
    </message>
    <message>
        <source>Scoring speed</source>
        <translation>Velocità di analisi</translation>
    </message>
    <message>
        <source>Not measured.</source>
        <translation>Non misurata.</translation>
    </message>
    <message>
        <source>Measured once a model loads.</source>
        <translation>Viene misurata quando si carica un modello.</translation>
    </message>
    <message>
        <source>The image encoder runs about %1 frames/s on %2 (%3 frames in %4 s): an hour of 30 frames/s video takes %5 to encode, decoding beside it.</source>
        <translation>L&apos;encoder delle immagini elabora circa %1 fotogrammi/s su %2 (%3 fotogrammi in %4 s): un&apos;ora di video a 30 fotogrammi/s richiede %5 di codifica, con la decodifica in parallelo.</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>meno di un minuto</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>circa %1 min</translation>
    </message>
    <message>
        <source>Choose the CPU in Score &gt; Choose Model.</source>
        <translation>Scegli la CPU in Analisi &gt; Scegli modello.</translation>
    </message>
    <message>
        <source>Video decoders</source>
        <translation>Decoder video</translation>
    </message>
    <message>
        <source>No videos in the project yet. %1</source>
        <translation>Ancora nessun video nel progetto. %1</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s): </source>
        <translation>
            <numerusform>%n video: </numerusform>
            <numerusform>%n video: </numerusform>
        </translation>
    </message>
    <message>
        <source>This FFmpeg has no decoder for %1: install Debian&apos;s libavcodec59 (not a reduced build).</source>
        <translation>Questa versione di FFmpeg non ha un decoder per %1: installa libavcodec59 di Debian (non una build ridotta).</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read as video: </source>
        <translation>
            <numerusform>%n file non è leggibile come video: </numerusform>
            <numerusform>%n file non sono leggibili come video: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) are not where the project expects them: add their folder again and Vigil finds them by content.</source>
        <translation>
            <numerusform>%n video non si trova dove il progetto se lo aspetta: aggiungi di nuovo la sua cartella e Vigil lo ritroverà in base al contenuto.</numerusform>
            <numerusform>%n video non si trovano dove il progetto se li aspetta: aggiungi di nuovo la loro cartella e Vigil li ritroverà in base al contenuto.</numerusform>
        </translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation>Spazio su disco</translation>
    </message>
    <message>
        <source>The free space of %1 cannot be read.</source>
        <translation>Impossibile leggere lo spazio libero di %1.</translation>
    </message>
    <message>
        <source>%1 free for the feature cache (%2); the project&apos;s unscored videos need about %3</source>
        <translation>%1 liberi per la cache delle feature (%2); i video non analizzati del progetto richiedono circa %3</translation>
    </message>
    <message>
        <source>; seek proxies use up to 20 GiB in %1</source>
        <translation>; i proxy di ricerca occupano fino a 20 GiB in %1</translation>
    </message>
    <message>
        <source>Free %1 on that disk, or score fewer videos at a time: a full disk stops scoring with a message, and what was scored is kept.</source>
        <translation>Libera %1 su quel disco o analizza meno video alla volta: con il disco pieno l&apos;analisi si interrompe con un messaggio e ciò che è già stato analizzato viene conservato.</translation>
    </message>
    <message>
        <source>Less than 2 GiB would be left once the features are cached.</source>
        <translation>Dopo aver salvato le feature nella cache resterebbero meno di 2 GiB.</translation>
    </message>
</context>
<context>
    <name>TrainingMessages</name>
    <message numerus="yes">
        <source>class &apos;%1&apos; has %n training video(s), %2 needed to learn it</source>
        <translation>
            <numerusform>la classe &apos;%1&apos; ha %n video di addestramento, ne servono %2 per impararla</numerusform>
            <numerusform>la classe &apos;%1&apos; ha %n video di addestramento, ne servono %2 per impararla</numerusform>
        </translation>
    </message>
    <message>
        <source>the batch size must be even and at least 2, not %1</source>
        <translation>la dimensione del lotto deve essere pari e almeno 2, non %1</translation>
    </message>
    <message>
        <source>the abnormal classes are imbalanced: %1x more videos of the largest</source>
        <translation>le classi anomale sono sbilanciate: %1x video in più della classe più grande</translation>
    </message>
    <message>
        <source>no abnormal training video: the objective needs abnormal and normal videos</source>
        <translation>nessun video di addestramento anomalo: l&apos;obiettivo richiede video anomali e normali</translation>
    </message>
    <message>
        <source>no normal training video: the objective needs abnormal and normal videos</source>
        <translation>nessun video di addestramento normale: l&apos;obiettivo richiede video anomali e normali</translation>
    </message>
    <message>
        <source>at least one epoch is needed</source>
        <translation>serve almeno un&apos;epoca</translation>
    </message>
    <message>
        <source>no validation video: the last epoch is kept, without validation AUC</source>
        <translation>nessun video di validazione: si tiene l&apos;ultima epoca, senza AUC di validazione</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>The %1 translation is missing from this installation; the interface stays English.</source>
        <translation>La traduzione %1 non è presente in questa installazione; l&apos;interfaccia resta in inglese.</translation>
    </message>
</context>
<context>
    <name>vigil</name>
    <message>
        <source>Review surveillance video with AnomalyCLIP anomaly scores.</source>
        <translation>Revisione dei video di sorveglianza con i punteggi di anomalia di AnomalyCLIP.</translation>
    </message>
    <message>
        <source>Once started, save a picture of the window to FILE (PNG), print which page it shows, and quit.</source>
        <translation>Dopo l&apos;avvio, salva un&apos;immagine della finestra in FILE (PNG), stampa quale pagina mostra ed esce.</translation>
    </message>
    <message>
        <source>Window size, as WIDTHxHEIGHT (for example 1366x768).</source>
        <translation>Dimensioni della finestra, nella forma WIDTHxHEIGHT (ad esempio 1366x768).</translation>
    </message>
    <message>
        <source>Start in Safe Mode: CPU only, the default window layout, no seek proxies.</source>
        <translation>Avvia in modalità provvisoria: solo CPU, disposizione predefinita della finestra, nessun proxy di ricerca.</translation>
    </message>
    <message>
        <source>Open the system check once started (as Help &gt; System Check).</source>
        <translation>Apre la verifica del sistema dopo l&apos;avvio (come Aiuto &gt; Verifica del sistema).</translation>
    </message>
    <message>
        <source>Print the versions, libraries and devices a bug report needs, and quit.</source>
        <translation>Stampa le versioni, le librerie e i dispositivi utili per una segnalazione di bug ed esce.</translation>
    </message>
    <message>
        <source>Put every setting back to its default, then start (as Help &gt; Reset Settings).</source>
        <translation>Ripristina tutte le impostazioni ai valori predefiniti, poi avvia (come Aiuto &gt; Ripristina impostazioni).</translation>
    </message>
    <message>
        <source>Project to open (created if new); without one, the start page.</source>
        <translation>Progetto da aprire (creato se non esiste); se omesso, la pagina iniziale.</translation>
    </message>
    <message>
        <source>Videos or folders to add (to your default project when no project is named).</source>
        <translation>Video o cartelle da aggiungere (al progetto predefinito se non viene indicato un progetto).</translation>
    </message>
    <message>
        <source>The interface&apos;s language for this run: system, en, it, de, or pseudo (every string lengthened and accented, to find cut-off text).</source>
        <translation>La lingua dell&apos;interfaccia per questa esecuzione: system, en, it, de o pseudo (ogni testo allungato e accentato, per trovare i testi tagliati).</translation>
    </message>
</context>
<context>
    <name>vigil::ClassChart</name>
    <message>
        <source>p(class | abnormal)</source>
        <translation>p(classe | anomalo)</translation>
    </message>
    <message>
        <source>The class probabilities at the playhead appear here once a model is chosen (Score &gt; Choose Model).</source>
        <translation>Qui compaiono le probabilità delle classi all&apos;indicatore di riproduzione dopo aver scelto un modello (Analisi &gt; Scegli modello).</translation>
    </message>
</context>
<context>
    <name>vigil::ClipExportController</name>
    <message>
        <source>Export &amp;Clips...</source>
        <translation>Esporta c&amp;lip...</translation>
    </message>
    <message>
        <source>Export Clips</source>
        <translation>Esporta clip</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etichette</translation>
    </message>
    <message>
        <source>Detections</source>
        <translation>Rilevamenti</translation>
    </message>
    <message>
        <source>Clips of</source>
        <translation>Clip da</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Qualsiasi stato</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accettati</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rifiutati</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Da rivedere</translation>
    </message>
    <message>
        <source>Detections in state</source>
        <translation>Rilevamenti nello stato</translation>
    </message>
    <message>
        <source>any class</source>
        <translation>qualsiasi classe</translation>
    </message>
    <message>
        <source>Only the class</source>
        <translation>Solo la classe</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Padding before and after</source>
        <translation>Margine prima e dopo</translation>
    </message>
    <message>
        <source>Always re-encode (else a stream copy when the cut falls on keyframes)</source>
        <translation>Ricodifica sempre (altrimenti copia del flusso quando il taglio cade sui fotogrammi chiave)</translation>
    </message>
    <message>
        <source>Burn in time, frame, score and class, with a score strip under the picture</source>
        <translation>Imprimi tempo, fotogramma, punteggio e classe, con una striscia dei punteggi sotto l&apos;immagine</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Sfoglia...</translation>
    </message>
    <message>
        <source>Folder for the Clips</source>
        <translation>Cartella per le clip</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Cartella</translation>
    </message>
    <message>
        <source>Exporting clips...</source>
        <translation>Esportazione delle clip...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Exporting %1 (%2 of %3)...</source>
        <translation>Esportazione di %1 (%2 di %3)...</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s) written, with their sidecars, clips.csv and SHA256SUMS.</source>
        <translation>
            <numerusform>%n clip scritta, con i suoi file sidecar, clips.csv e SHA256SUMS.</numerusform>
            <numerusform>%n clip scritte, con i relativi file sidecar, clips.csv e SHA256SUMS.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the clips written are complete and listed.</source>
        <translation>Annullato: le clip già scritte sono complete ed elencate.</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Non scritto: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ComparisonController</name>
    <message>
        <source>&amp;Compare Models...</source>
        <translation>&amp;Confronta modelli...</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>Confronta modelli</translation>
    </message>
    <message>
        <source>The project needs two models with scores: fine-tune one (Train &gt; Fine-Tune Model) first.</source>
        <translation>Il progetto deve avere due modelli con punteggi: prima affinane uno (Addestramento &gt; Affina modello).</translation>
    </message>
    <message>
        <source>Comparing...</source>
        <translation>Confronto in corso...</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Impossibile confrontare: %1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>attuale</translation>
    </message>
</context>
<context>
    <name>vigil::ComparisonDialog</name>
    <message>
        <source>Compare Models</source>
        <translation>Confronta modelli</translation>
    </message>
    <message>
        <source>A (before)</source>
        <translation>A (prima)</translation>
    </message>
    <message>
        <source>B (after)</source>
        <translation>B (dopo)</translation>
    </message>
    <message>
        <source>Alarm threshold</source>
        <translation>Soglia di allarme</translation>
    </message>
    <message>
        <source>Draw A&apos;s scores on the timeline beside the current model&apos;s</source>
        <translation>Mostra i punteggi di A sulla timeline accanto a quelli del modello attuale</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Confronta</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Fotogrammi</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>Anomali</translation>
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
        <translation>Variazione AUC</translation>
    </message>
    <message>
        <source>False alarms A</source>
        <translation>Falsi allarmi A</translation>
    </message>
    <message>
        <source>False alarms B</source>
        <translation>Falsi allarmi B</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variazione</translation>
    </message>
    <message>
        <source>Missed A</source>
        <translation>Mancati A</translation>
    </message>
    <message>
        <source>Missed B</source>
        <translation>Mancati B</translation>
    </message>
    <message>
        <source>Frame counts at the threshold. Double-click (or Enter) opens the video.</source>
        <translation>Conteggi dei fotogrammi alla soglia. Doppio clic (o Enter) apre il video.</translation>
    </message>
    <message numerus="yes">
        <source>B (%1) against A (%2) on %n video(s), threshold %3:</source>
        <translation>
            <numerusform>B (%1) rispetto ad A (%2) su %n video, soglia %3:</numerusform>
            <numerusform>B (%1) rispetto ad A (%2) su %n video, soglia %3:</numerusform>
        </translation>
    </message>
    <message>
        <source>AUC %1 -&gt; %2 (%3), AP %4 -&gt; %5 (%6); false-alarm frames %7 -&gt; %8, missed abnormal frames %9 -&gt; %10.</source>
        <translation>AUC %1 -&gt; %2 (%3), AP %4 -&gt; %5 (%6); fotogrammi di falso allarme %7 -&gt; %8, fotogrammi anomali mancati %9 -&gt; %10.</translation>
    </message>
    <message>
        <source>Truth: %1 (chosen in the research window).</source>
        <translation>Verità usata: %1 (scelta nella finestra di valutazione).</translation>
    </message>
    <message>
        <source>AUC better on %1 video(s), worse on %2.</source>
        <translation>AUC migliore su %1 video, peggiore su %2.</translation>
    </message>
    <message>
        <source>Left out (scored by one model only): %1</source>
        <translation>Esclusi (analizzati da un solo modello): %1</translation>
    </message>
    <message>
        <source>Left out (no known truth): %1</source>
        <translation>Esclusi (verità non nota): %1</translation>
    </message>
</context>
<context>
    <name>vigil::CrashRecoveryDialog</name>
    <message>
        <source>Vigil did not close properly</source>
        <translation>Vigil non si è chiuso correttamente</translation>
    </message>
    <message>
        <source>an earlier run</source>
        <translation>sconosciuta</translation>
    </message>
    <message>
        <source>The run started %1 crashed: %2.</source>
        <translation>La sessione avviata in data %1 si è arrestata in modo anomalo: %2.</translation>
    </message>
    <message>
        <source>The run started %1 ended without closing (it was killed, or the computer stopped).</source>
        <translation>La sessione avviata in data %1 è terminata senza chiudersi (è stata interrotta forzatamente o il computer si è spento).</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier run(s) also ended this way.</source>
        <translation>
            <numerusform>Anche %n sessione precedente è terminata così.</numerusform>
            <numerusform>Anche %n sessioni precedenti sono terminate così.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last action: %1</source>
        <translation>Ultima azione: %1</translation>
    </message>
    <message>
        <source>Crash note: %1</source>
        <translation>Nota sull&apos;arresto anomalo: %1</translation>
    </message>
    <message>
        <source>Its log: %1</source>
        <translation>Log della sessione: %1</translation>
    </message>
    <message>
        <source>%1 (removed since)</source>
        <translation>%1 (nel frattempo rimosso)</translation>
    </message>
    <message>
        <source>Your projects are safe: every edit was saved when it was made.</source>
        <translation>I tuoi progetti sono al sicuro: ogni modifica è stata salvata nel momento in cui è stata fatta.</translation>
    </message>
    <message>
        <source>Safe Mode starts Vigil on the CPU only, with the default window layout and no seek proxies (video is always decoded in software). Nothing is sent anywhere: the note and the log stay in %1.</source>
        <translation>La modalità provvisoria avvia Vigil solo sulla CPU, con la disposizione predefinita della finestra e senza proxy di ricerca (il video viene sempre decodificato via software). Non viene inviato nulla: la nota e il log restano in %1.</translation>
    </message>
    <message>
        <source>Start in &amp;Safe Mode</source>
        <translation>Avvia in modalità &amp;provvisoria</translation>
    </message>
    <message>
        <source>Start &amp;Normally</source>
        <translation>Avvia &amp;normalmente</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>Apri la cartella dei &amp;log</translation>
    </message>
</context>
<context>
    <name>vigil::DetectionsModel</name>
    <message>
        <source>unknown</source>
        <translation>sconosciuta</translation>
    </message>
    <message>
        <source>%1 (corrected)</source>
        <translation>%1 (corretta)</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accettato</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rifiutato</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Da rivedere</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Picco</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durata</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>vigil::DetectionsPanel</name>
    <message>
        <source>Detections</source>
        <translation>Rilevamenti</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Qualsiasi stato</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Da rivedere</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accettati</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rifiutati</translation>
    </message>
    <message>
        <source>Lowest peak score</source>
        <translation>Punteggio di picco minimo</translation>
    </message>
    <message>
        <source>Highest peak score</source>
        <translation>Punteggio di picco massimo</translation>
    </message>
    <message>
        <source>Added after</source>
        <translation>Aggiunti dopo il</translation>
    </message>
    <message>
        <source>Videos added after</source>
        <translation>Video aggiunti dopo il</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Peak score</source>
        <translation>Punteggio di picco</translation>
    </message>
    <message>
        <source>Up/Down: next · A accept · Shift+A make a label · X reject · 1-9, 0: class · N note · Ctrl+A all</source>
        <translation>Up/Down: successivo · A accetta · Shift+A crea un&apos;etichetta · X rifiuta · 1-9, 0: classe · N nota · Ctrl+A tutti</translation>
    </message>
    <message>
        <source>Any class</source>
        <translation>Qualsiasi classe</translation>
    </message>
    <message>
        <source>All videos</source>
        <translation>Tutti i video</translation>
    </message>
    <message>
        <source>No detections to show: they appear where a scored video&apos;s score stays above the threshold (Score menu), or widen the filters.</source>
        <translation>Nessun rilevamento da mostrare: compaiono dove il punteggio di un video analizzato resta sopra la soglia (menu Analisi); altrimenti allarga i filtri.</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s)</source>
        <translation>
            <numerusform>%n rilevamento</numerusform>
            <numerusform>%n rilevamenti</numerusform>
        </translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Note on this detection:</source>
        <translation>Nota su questo rilevamento:</translation>
    </message>
</context>
<context>
    <name>vigil::HelpController</name>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>&amp;System Check...</source>
        <translation>&amp;Verifica del sistema...</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>Apri la cartella dei &amp;log</translation>
    </message>
    <message>
        <source>&amp;Copy Debug Information</source>
        <translation>&amp;Copia informazioni di debug</translation>
    </message>
    <message>
        <source>&amp;About Vigil</source>
        <translation>&amp;Informazioni su Vigil</translation>
    </message>
    <message>
        <source>System check: %1</source>
        <translation>Verifica del sistema: %1</translation>
    </message>
    <message>
        <source>Model %1 chosen for this project</source>
        <translation>Modello %1 scelto per questo progetto</translation>
    </message>
    <message>
        <source>Model remembered: a project opened next can use it (Score &gt; Choose Model)</source>
        <translation>Modello memorizzato: il prossimo progetto aperto potrà usarlo (Analisi &gt; Scegli modello)</translation>
    </message>
    <message>
        <source>No file manager could open %1</source>
        <translation>Nessun file manager è riuscito ad aprire %1</translation>
    </message>
    <message>
        <source>Debug information copied: paste it into your report (it holds no video or label)</source>
        <translation>Informazioni di debug copiate: incollale nella tua segnalazione (non contengono video né etichette)</translation>
    </message>
    <message>
        <source>About Vigil</source>
        <translation>Informazioni su Vigil</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Review surveillance video with AnomalyCLIP anomaly scores.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Revisione dei video di sorveglianza con i punteggi di anomalia di AnomalyCLIP.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copia</translation>
    </message>
</context>
<context>
    <name>vigil::JobsPanel</name>
    <message>
        <source>Scoring jobs</source>
        <translation>Processi di analisi</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avanzamento</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocità</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tempo rimanente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>No scoring job</source>
        <translation>Nessun processo di analisi</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In coda</translation>
    </message>
    <message>
        <source>%1 frames/s</source>
        <translation>%1 fotogrammi/s</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Analisi in corso</translation>
    </message>
</context>
<context>
    <name>vigil::KeyboardPage</name>
    <message>
        <source>Select an action, then press its new key in the key field. Only your changes are stored.</source>
        <translation>Seleziona un&apos;azione, poi premi il nuovo tasto nel campo Tasto. Vengono salvate solo le tue modifiche.</translation>
    </message>
    <message>
        <source>Filter by action, place or key</source>
        <translation>Filtra per azione, contesto o tasto</translation>
    </message>
    <message>
        <source>Filter the actions</source>
        <translation>Filtra le azioni</translation>
    </message>
    <message>
        <source>Actions and their keys</source>
        <translation>Azioni e relativi tasti</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Contesto</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasti</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>&amp;Tasto</translation>
    </message>
    <message>
        <source>New key for the selected action</source>
        <translation>Nuovo tasto per l&apos;azione selezionata</translation>
    </message>
    <message>
        <source>&amp;No Key</source>
        <translation>&amp;Nessun tasto</translation>
    </message>
    <message>
        <source>Restore &amp;Default</source>
        <translation>Ripristina &amp;predefinito</translation>
    </message>
    <message>
        <source>Restore &amp;All Defaults</source>
        <translation>Ripristina &amp;tutti i predefiniti</translation>
    </message>
    <message>
        <source>&amp;Import Key Set...</source>
        <translation>&amp;Importa set di tasti...</translation>
    </message>
    <message>
        <source>E&amp;xport Key Set...</source>
        <translation>E&amp;sporta set di tasti...</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation>%1 (modificato)</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Predefinito: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; now has %2.</source>
        <translation>&quot;%1&quot; ora ha %2.</translation>
    </message>
    <message>
        <source>Every action has its default keys again.</source>
        <translation>Tutte le azioni hanno di nuovo i tasti predefiniti.</translation>
    </message>
    <message numerus="yes">
        <source>Key set imported: %n change(s) from the defaults.</source>
        <translation>
            <numerusform>Set di tasti importato: %n modifica rispetto ai predefiniti.</numerusform>
            <numerusform>Set di tasti importato: %n modifiche rispetto ai predefiniti.</numerusform>
        </translation>
    </message>
    <message>
        <source>Key set not imported: %1</source>
        <translation>Set di tasti non importato: %1</translation>
    </message>
</context>
<context>
    <name>vigil::LabelEditor</name>
    <message>
        <source>Add a label</source>
        <translation>Aggiungi un&apos;etichetta</translation>
    </message>
    <message numerus="yes">
        <source>Change the class of %n label(s)</source>
        <translation>
            <numerusform>Cambia la classe di %n etichetta</numerusform>
            <numerusform>Cambia la classe di %n etichette</numerusform>
        </translation>
    </message>
    <message>
        <source>Note on a label</source>
        <translation>Nota su un&apos;etichetta</translation>
    </message>
    <message>
        <source>A label must end after it starts</source>
        <translation>Un&apos;etichetta deve terminare dopo il suo inizio</translation>
    </message>
    <message>
        <source>Change the extent of a label</source>
        <translation>Modifica l&apos;estensione di un&apos;etichetta</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n label(s)</source>
        <translation>
            <numerusform>Rimuovi %n etichetta</numerusform>
            <numerusform>Rimuovi %n etichette</numerusform>
        </translation>
    </message>
    <message>
        <source>Split a label</source>
        <translation>Dividi un&apos;etichetta</translation>
    </message>
    <message>
        <source>Merge two labels</source>
        <translation>Unisci due etichette</translation>
    </message>
</context>
<context>
    <name>vigil::LabelTimelineController</name>
    <message>
        <source>Labels</source>
        <translation>Etichette</translation>
    </message>
    <message>
        <source>Select the next label</source>
        <translation>Seleziona l&apos;etichetta successiva</translation>
    </message>
    <message>
        <source>Select the previous label</source>
        <translation>Seleziona l&apos;etichetta precedente</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s start one second earlier</source>
        <translation>Anticipa di un secondo l&apos;inizio dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s start one frame earlier</source>
        <translation>Anticipa di un fotogramma l&apos;inizio dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s start one second later</source>
        <translation>Posticipa di un secondo l&apos;inizio dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s start one frame later</source>
        <translation>Posticipa di un fotogramma l&apos;inizio dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s end one second earlier</source>
        <translation>Anticipa di un secondo la fine dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s end one frame earlier</source>
        <translation>Anticipa di un fotogramma la fine dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s end one second later</source>
        <translation>Posticipa di un secondo la fine dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s end one frame later</source>
        <translation>Posticipa di un fotogramma la fine dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Split the selected label at the playhead</source>
        <translation>Dividi l&apos;etichetta selezionata all&apos;indicatore di riproduzione</translation>
    </message>
    <message>
        <source>Merge the selected label with the next</source>
        <translation>Unisci l&apos;etichetta selezionata alla successiva</translation>
    </message>
    <message>
        <source>Go to the selected label&apos;s first frame</source>
        <translation>Vai al primo fotogramma dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Go to the selected label&apos;s last frame</source>
        <translation>Vai all&apos;ultimo fotogramma dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Play lock: loop the selected label, stop at its end, or off</source>
        <translation>Blocco della riproduzione: ripeti l&apos;etichetta selezionata, fermati alla sua fine o disattivato</translation>
    </message>
    <message>
        <source>Playback loops over the selected label (Ctrl+L: stop at its end)</source>
        <translation>La riproduzione ripete in ciclo l&apos;etichetta selezionata (Ctrl+L: fermati alla fine)</translation>
    </message>
    <message>
        <source>Playback stops at the selected label&apos;s end (Ctrl+L: off)</source>
        <translation>La riproduzione si ferma alla fine dell&apos;etichetta selezionata (Ctrl+L: disattiva)</translation>
    </message>
    <message>
        <source>Playback is not locked to a label</source>
        <translation>La riproduzione non è vincolata a un&apos;etichetta</translation>
    </message>
    <message>
        <source>No label after this one</source>
        <translation>Nessuna etichetta dopo questa</translation>
    </message>
    <message>
        <source>No label before this one</source>
        <translation>Nessuna etichetta prima di questa</translation>
    </message>
    <message>
        <source>Split: put the playhead inside the selected label (after its first frame)</source>
        <translation>Dividi: porta l&apos;indicatore di riproduzione all&apos;interno dell&apos;etichetta selezionata (dopo il suo primo fotogramma)</translation>
    </message>
    <message>
        <source>Merge: the selected label has no label after it</source>
        <translation>Unisci: dopo l&apos;etichetta selezionata non ci sono altre etichette</translation>
    </message>
</context>
<context>
    <name>vigil::LabelToolsController</name>
    <message>
        <source>New Class</source>
        <translation>Nuova classe</translation>
    </message>
    <message>
        <source>A class of this project&apos;s own (for example Loitering):</source>
        <translation>Una classe propria di questo progetto (ad esempio Stazionamento sospetto):</translation>
    </message>
    <message>
        <source>Import &amp;Labels...</source>
        <translation>Importa e&amp;tichette...</translation>
    </message>
    <message>
        <source>E&amp;xport Labels...</source>
        <translation>&amp;Esporta etichette...</translation>
    </message>
    <message>
        <source>Label &amp;Classes...</source>
        <translation>&amp;Classi delle etichette...</translation>
    </message>
    <message>
        <source>Label Classes</source>
        <translation>Classi delle etichette</translation>
    </message>
    <message>
        <source>The model&apos;s classes and the project&apos;s own: %1

Add a class of the project&apos;s own:</source>
        <translation>Classi del modello e del progetto: %1

Aggiungi una classe propria del progetto:</translation>
    </message>
    <message>
        <source>Label &amp;History of This Video...</source>
        <translation>Cronologia &amp;etichette di questo video...</translation>
    </message>
    <message>
        <source>Analyst &amp;Report...</source>
        <translation>Ra&amp;pporto sugli analisti...</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Cronologia annullamenti</translation>
    </message>
    <message>
        <source>&lt;nothing done yet&gt;</source>
        <translation>&lt;nessuna operazione&gt;</translation>
    </message>
    <message>
        <source>Undo &amp;History</source>
        <translation>Cronologia a&amp;nnullamenti</translation>
    </message>
    <message>
        <source>Class &apos;%1&apos; added to the project</source>
        <translation>Classe &apos;%1&apos; aggiunta al progetto</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuna)</translation>
    </message>
    <message>
        <source>Video Class</source>
        <translation>Classe del video</translation>
    </message>
    <message>
        <source>The class of %1 as a whole (the datasets&apos; weak label):</source>
        <translation>La classe di %1 nel suo insieme (l&apos;etichetta debole dei dataset):</translation>
    </message>
    <message>
        <source>Imported %1 label(s) for %2 video(s), replacing %3.</source>
        <translation>Importate %1 etichette per %2 video, al posto di %3.</translation>
    </message>
    <message>
        <source>Exported %1 label(s) of %2 video(s) to %3.</source>
        <translation>Esportate %1 etichette di %2 video in %3.</translation>
    </message>
    <message numerus="yes">
        <source> %n line(s) hold more than two intervals: AnomalyCLIP&apos;s reader takes them; the dataset&apos;s own file has none.</source>
        <translation>
            <numerusform> %n riga contiene più di due intervalli: il lettore di AnomalyCLIP la accetta, ma il file originale del dataset non ne ha.</numerusform>
            <numerusform> %n righe contengono più di due intervalli: il lettore di AnomalyCLIP le accetta, ma il file originale del dataset non ne ha.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Labels</source>
        <translation>Importa etichette</translation>
    </message>
    <message>
        <source>Form of the file:</source>
        <translation>Formato del file:</translation>
    </message>
    <message>
        <source>Folder of Frame Masks</source>
        <translation>Cartella di maschere dei fotogrammi</translation>
    </message>
    <message>
        <source>UCF-Crime (14 classes)</source>
        <translation>UCF-Crime (14 classi)</translation>
    </message>
    <message>
        <source>XD-Violence (7 classes)</source>
        <translation>XD-Violence (7 classi)</translation>
    </message>
    <message>
        <source>ShanghaiTech (18 classes)</source>
        <translation>ShanghaiTech (18 classi)</translation>
    </message>
    <message>
        <source>A class list file (id,name CSV)...</source>
        <translation>Un file con l&apos;elenco delle classi (CSV id,name)...</translation>
    </message>
    <message>
        <source>This project has no model to take class names from.
Check the file&apos;s classes against:</source>
        <translation>Questo progetto non ha un modello da cui prendere i nomi delle classi.
Verifica le classi del file rispetto a:</translation>
    </message>
    <message>
        <source>Class List</source>
        <translation>Elenco delle classi</translation>
    </message>
    <message>
        <source>Class lists (*.csv);;All files (*)</source>
        <translation>Elenchi di classi (*.csv);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>The labels of every video the file names are replaced by the file&apos;s. This cannot be undone with Undo (export the labels first to keep them). Import?</source>
        <translation>Le etichette di ogni video citato nel file verranno sostituite da quelle del file. L&apos;operazione non si può annullare con Annulla (per conservarle, esporta prima le etichette). Importare?</translation>
    </message>
    <message>
        <source>Nothing was imported:
%1</source>
        <translation>Non è stato importato nulla:
%1</translation>
    </message>
    <message>
        <source>Export Labels</source>
        <translation>Esporta etichette</translation>
    </message>
    <message>
        <source>Folder for the Frame Masks</source>
        <translation>Cartella per le maschere dei fotogrammi</translation>
    </message>
</context>
<context>
    <name>vigil::LabelsPanel</name>
    <message>
        <source>Frames</source>
        <translation>Fotogrammi</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durata</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>I and O mark a new label&apos;s first and last frame. 1-9, 0: class; N: note; Delete: remove.</source>
        <translation>I e O segnano il primo e l&apos;ultimo fotogramma di una nuova etichetta. 1-9, 0: classe; N: nota; Delete: rimuovi.</translation>
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
        <translation>Nessuna etichetta su questo video: segna un intervallo con I e O, oppure accetta un rilevamento come etichetta (Shift+A).</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n etichetta</numerusform>
            <numerusform>%n etichette</numerusform>
        </translation>
    </message>
    <message>
        <source>Note on this label:</source>
        <translation>Nota su questa etichetta:</translation>
    </message>
    <message>
        <source>%1	%2</source>
        <translation>%1	%2</translation>
    </message>
    <message>
        <source>New Class...</source>
        <translation>Nuova classe...</translation>
    </message>
    <message>
        <source>Note...</source>
        <translation>Nota...</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>History...</source>
        <translation>Cronologia...</translation>
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
        <translation>Video</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Processi</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisione</translation>
    </message>
    <message>
        <source>Safe Mode</source>
        <translation>Modalità provvisoria</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>%1 - Vigil</source>
        <translation>%1 - Vigil</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) added</source>
        <translation>
            <numerusform>%n video aggiunto</numerusform>
            <numerusform>%n video aggiunti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n moved video(s) found again</source>
        <translation>
            <numerusform>, %n video spostato ritrovato</numerusform>
            <numerusform>, %n video spostati ritrovati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n file(s) not added: %1</source>
        <translation>
            <numerusform>, %n file non aggiunto: %1</numerusform>
            <numerusform>, %n file non aggiunti: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Label starts at frame %1: O marks its last frame, Esc cancels</source>
        <translation>L&apos;etichetta inizia al fotogramma %1: O ne segna l&apos;ultimo fotogramma, Esc annulla</translation>
    </message>
    <message>
        <source>Label ends at frame %1: I marks its first frame, Esc cancels</source>
        <translation>L&apos;etichetta termina al fotogramma %1: I ne segna il primo fotogramma, Esc annulla</translation>
    </message>
    <message>
        <source>System check: %1</source>
        <translation>Verifica del sistema: %1</translation>
    </message>
    <message numerus="yes">
        <source>System check: %n thing(s) to look at. System Check... says what to do.</source>
        <translation>
            <numerusform>Verifica del sistema: %n elemento da controllare. Verifica del sistema... indica cosa fare.</numerusform>
            <numerusform>Verifica del sistema: %n elementi da controllare. Verifica del sistema... indica cosa fare.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>E&amp;sci</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>Score &amp;Overlay</source>
        <translation>Sovrimpressione &amp;punteggio</translation>
    </message>
    <message>
        <source>&amp;Whole Video</source>
        <translation>&amp;Intero video</translation>
    </message>
    <message>
        <source>&amp;Fullscreen</source>
        <translation>&amp;Schermo intero</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;iuto</translation>
    </message>
    <message>
        <source>Safe Mode: CPU only, default layout, no seek proxies. Restart Vigil to leave it.</source>
        <translation>Modalità provvisoria: solo CPU, disposizione predefinita, nessun proxy di ricerca. Riavvia Vigil per uscirne.</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>(nessun tasto)</translation>
    </message>
    <message>
        <source>Play or pause (%1)</source>
        <translation>Riproduci o metti in pausa (%1)</translation>
    </message>
    <message>
        <source>Your keyboard settings were not applied: %1</source>
        <translation>Le tue impostazioni della tastiera non sono state applicate: %1</translation>
    </message>
</context>
<context>
    <name>vigil::PlayerPaneController</name>
    <message>
        <source>Preparing fast seeking in %1: %2%</source>
        <translation>Preparazione della ricerca rapida in %1: %2%</translation>
    </message>
    <message>
        <source>Fast seeking ready in %1</source>
        <translation>Ricerca rapida pronta in %1</translation>
    </message>
    <message>
        <source>No fast seeking in %1 (seeks stay exact, only slower): %2</source>
        <translation>Nessuna ricerca rapida in %1 (la ricerca resta esatta, solo più lenta): %2</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s), %1 alarms/h</source>
        <translation>
            <numerusform>%n rilevamento, %1 allarmi/h</numerusform>
            <numerusform>%n rilevamenti, %1 allarmi/h</numerusform>
        </translation>
    </message>
    <message>
        <source>The class probabilities at the playhead appear here: open a video from the Videos list.</source>
        <translation>Qui compaiono le probabilità delle classi all&apos;indicatore di riproduzione: apri un video dall&apos;elenco Video.</translation>
    </message>
    <message>
        <source>The class probabilities at the playhead appear here once a model is chosen (Score &gt; Choose Model).</source>
        <translation>Qui compaiono le probabilità delle classi all&apos;indicatore di riproduzione dopo aver scelto un modello (Analisi &gt; Scegli modello).</translation>
    </message>
</context>
<context>
    <name>vigil::ProjectFilesController</name>
    <message>
        <source>&amp;New Project...</source>
        <translation>&amp;Nuovo progetto...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>&amp;Apri progetto...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Apri &amp;recenti</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Nessun progetto recente</translation>
    </message>
    <message>
        <source>Save Project &amp;As...</source>
        <translation>Salva pr&amp;ogetto con nome...</translation>
    </message>
    <message>
        <source>&amp;Add Videos...</source>
        <translation>Aggiungi &amp;video...</translation>
    </message>
    <message>
        <source>Add Videos</source>
        <translation>Aggiungi video</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.avi *.mov *.ts *.m4v *.webm);;All files (*)</source>
        <translation>Video (*.mp4 *.mkv *.avi *.mov *.ts *.m4v *.webm);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Add &amp;Folder...</source>
        <translation>Aggiungi &amp;cartella...</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Aggiungi cartella</translation>
    </message>
    <message>
        <source>Import &amp;Ground Truth</source>
        <translation>&amp;Importa verità di riferimento</translation>
    </message>
    <message>
        <source>&amp;Annotation File (UCF-Crime, XD-Violence)...</source>
        <translation>File di &amp;annotazioni (UCF-Crime, XD-Violence)...</translation>
    </message>
    <message>
        <source>Import Ground Truth</source>
        <translation>Importa verità di riferimento</translation>
    </message>
    <message>
        <source>Annotations (*.txt);;All files (*)</source>
        <translation>Annotazioni (*.txt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>&amp;Frame Masks Folder (ShanghaiTech)...</source>
        <translation>Cartella di &amp;maschere dei fotogrammi (ShanghaiTech)...</translation>
    </message>
    <message>
        <source>Folder of .npy Frame Masks</source>
        <translation>Cartella di maschere dei fotogrammi .npy</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Nuovo progetto</translation>
    </message>
    <message>
        <source>Vigil projects (*.vigil)</source>
        <translation>Progetti Vigil (*.vigil)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Apri progetto</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Salva progetto con nome</translation>
    </message>
    <message numerus="yes">
        <source>Ground truth for %n video(s) imported</source>
        <translation>
            <numerusform>Verità di riferimento importata per %n video</numerusform>
            <numerusform>Verità di riferimento importata per %n video</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n annotated video(s) are not in the project</source>
        <translation>
            <numerusform>; %n video annotato non è nel progetto</numerusform>
            <numerusform>; %n video annotati non sono nel progetto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n interval(s) cut at their video&apos;s last frame</source>
        <translation>
            <numerusform>; %n intervallo troncato all&apos;ultimo fotogramma del video</numerusform>
            <numerusform>; %n intervalli troncati all&apos;ultimo fotogramma del relativo video</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ResearchController</name>
    <message>
        <source>&amp;Research Window...</source>
        <translation>&amp;Finestra di valutazione...</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Valutazione</translation>
    </message>
    <message>
        <source>Score the project with a model first.</source>
        <translation>Prima analizza il progetto con un modello.</translation>
    </message>
    <message>
        <source>Computing...</source>
        <translation>Calcolo in corso...</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Esclusi: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ResearchWindow</name>
    <message>
        <source>the ground truth</source>
        <translation>verità di riferimento</translation>
    </message>
    <message>
        <source>the analysts&apos; labels</source>
        <translation>etichette degli analisti</translation>
    </message>
    <message>
        <source>the ground truth and the analysts&apos; labels, a label winning where both cover a frame</source>
        <translation>verità di riferimento ed etichette degli analisti, con prevalenza dell&apos;etichetta dove entrambe coprono un fotogramma</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Valutazione</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Soglia</translation>
    </message>
    <message>
        <source>&amp;Truth</source>
        <translation>&amp;Verità usata</translation>
    </message>
    <message>
        <source>Ground truth and labels</source>
        <translation>Verità di riferimento ed etichette</translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation>Verità di riferimento</translation>
    </message>
    <message>
        <source>Analysts&apos; labels</source>
        <translation>Etichette degli analisti</translation>
    </message>
    <message>
        <source>What a frame&apos;s truth is. With both, an analyst&apos;s label wins over the ground truth where both cover a frame. A video with no interval counts, all normal, when its class is normal, and is left out otherwise. vigil-cli eval --project --truth gives the same figures.</source>
        <translation>Cosa vale come verità per un fotogramma. Con entrambe, l&apos;etichetta di un analista prevale sulla verità di riferimento dove entrambe coprono un fotogramma. Un video senza intervalli viene conteggiato come interamente normale se la sua classe è normale, altrimenti viene escluso. vigil-cli eval --project --truth fornisce gli stessi valori.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>Tasso di falsi positivi</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>Tasso di veri positivi</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Richiamo</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precisione</translation>
    </message>
    <message>
        <source>ROC and PR</source>
        <translation>ROC e PR</translation>
    </message>
    <message>
        <source>Anomaly score</source>
        <translation>Punteggio di anomalia</translation>
    </message>
    <message>
        <source>Share of frames</source>
        <translation>Quota di fotogrammi</translation>
    </message>
    <message>
        <source>Score histograms</source>
        <translation>Istogrammi dei punteggi</translation>
    </message>
    <message>
        <source>Model&apos;s top class</source>
        <translation>Classe principale del modello</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>Classe reale</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>Primo fotogramma</translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation>Ultimo fotogramma</translation>
    </message>
    <message>
        <source>Analyst vs model</source>
        <translation>Analista vs modello</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Wrongness</source>
        <translation>Gravità dell&apos;errore</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>Ranked by the area between the score and the threshold. Double-click or Enter shows it.</source>
        <translation>Ordinati per area tra il punteggio e la soglia. Doppio clic o Enter per mostrare il caso.</translation>
    </message>
    <message>
        <source>Failure cases</source>
        <translation>Casi di errore</translation>
    </message>
    <message>
        <source>Save PNG...</source>
        <translation>Salva PNG...</translation>
    </message>
    <message>
        <source>Save PDF...</source>
        <translation>Salva PDF...</translation>
    </message>
    <message>
        <source>Save Plot</source>
        <translation>Salva grafico</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossibile scrivere %1</translation>
    </message>
    <message>
        <source>Truth: %1.</source>
        <translation>Verità usata: %1.</translation>
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
        <translation>%1: AUC %2, AP %3 su %4 fotogrammi (%5 anomali) di %6 video</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n video(s) left out, with no known truth: %2</source>
        <translation>
            <numerusform>%1: %n video escluso, senza verità nota: %2</numerusform>
            <numerusform>%1: %n video esclusi, senza verità nota: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>normal frames (%1)</source>
        <translation>fotogrammi normali (%1)</translation>
    </message>
    <message>
        <source>abnormal frames (%1)</source>
        <translation>fotogrammi anomali (%1)</translation>
    </message>
    <message>
        <source>false alarm</source>
        <translation>falso allarme</translation>
    </message>
    <message>
        <source>miss</source>
        <translation>mancato rilevamento</translation>
    </message>
    <message numerus="yes">
        <source>%1 as %2: %n interval(s)</source>
        <translation>
            <numerusform>%1 come %2: %n intervallo</numerusform>
            <numerusform>%1 come %2: %n intervalli</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ReviewDecisions</name>
    <message numerus="yes">
        <source>Accept %n detection(s)</source>
        <translation>
            <numerusform>Accetta %n rilevamento</numerusform>
            <numerusform>Accetta %n rilevamenti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n detection(s)</source>
        <translation>
            <numerusform>Rifiuta %n rilevamento</numerusform>
            <numerusform>Rifiuta %n rilevamenti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unmark %n detection(s)</source>
        <translation>
            <numerusform>Annulla la decisione su %n rilevamento</numerusform>
            <numerusform>Annulla la decisione su %n rilevamenti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the class of %n detection(s)</source>
        <translation>
            <numerusform>Cambia la classe di %n rilevamento</numerusform>
            <numerusform>Cambia la classe di %n rilevamenti</numerusform>
        </translation>
    </message>
    <message>
        <source>Note on a detection</source>
        <translation>Nota su un rilevamento</translation>
    </message>
    <message numerus="yes">
        <source>Make %n label(s) from detections</source>
        <translation>
            <numerusform>Crea %n etichetta dai rilevamenti</numerusform>
            <numerusform>Crea %n etichette dai rilevamenti</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ReviewDockController</name>
    <message>
        <source>Review</source>
        <translation>Revisione</translation>
    </message>
    <message>
        <source>Detections</source>
        <translation>Rilevamenti</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etichette</translation>
    </message>
    <message>
        <source>Label added: 1-9 and 0 change its class, N adds a note, Ctrl+Z takes it back</source>
        <translation>Etichetta aggiunta: 1-9 e 0 ne cambiano la classe, N aggiunge una nota, Ctrl+Z la annulla</translation>
    </message>
    <message>
        <source>Accept the selected detections</source>
        <translation>Accetta i rilevamenti selezionati</translation>
    </message>
    <message>
        <source>Reject the selected detections</source>
        <translation>Rifiuta i rilevamenti selezionati</translation>
    </message>
    <message>
        <source>Make labels of the selected detections</source>
        <translation>Crea etichette dai rilevamenti selezionati</translation>
    </message>
    <message>
        <source>Next detection</source>
        <translation>Rilevamento successivo</translation>
    </message>
    <message>
        <source>Previous detection</source>
        <translation>Rilevamento precedente</translation>
    </message>
    <message>
        <source>Edit the note of the selected detection or label</source>
        <translation>Modifica la nota del rilevamento o dell&apos;etichetta selezionati</translation>
    </message>
    <message>
        <source>Give the selection class %1 (in the class list&apos;s order)</source>
        <translation>Assegna alla selezione la classe %1 (nell&apos;ordine dell&apos;elenco delle classi)</translation>
    </message>
    <message>
        <source>Mark in at the frame shown</source>
        <translation>Segna l&apos;inizio al fotogramma mostrato</translation>
    </message>
    <message>
        <source>Mark out at the frame shown</source>
        <translation>Segna la fine al fotogramma mostrato</translation>
    </message>
    <message>
        <source>Clear the marks</source>
        <translation>Cancella i segni di inizio e fine</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s first frame here</source>
        <translation>Sposta qui il primo fotogramma dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Move the selected label&apos;s last frame here</source>
        <translation>Sposta qui l&apos;ultimo fotogramma dell&apos;etichetta selezionata</translation>
    </message>
    <message>
        <source>Remove the selected labels</source>
        <translation>Rimuovi le etichette selezionate</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>(nessun tasto)</translation>
    </message>
    <message>
        <source>Up/Down: next · %1 accept · %2 make a label · %3 reject · 1-9, 0: class · %4 note · Ctrl+A all</source>
        <translation>Su/Giù: successivo · %1 accetta · %2 crea etichetta · %3 rifiuta · 1-9, 0: classe · %4 nota · Ctrl+A tutti</translation>
    </message>
</context>
<context>
    <name>vigil::ScoreMenuController</name>
    <message>
        <source>&amp;Score</source>
        <translation>&amp;Analisi</translation>
    </message>
    <message>
        <source>Choose &amp;Model...</source>
        <translation>Scegli &amp;modello...</translation>
    </message>
    <message>
        <source>Score &amp;Selected Videos</source>
        <translation>Analizza i video &amp;selezionati</translation>
    </message>
    <message>
        <source>Score &amp;Everything Unscored</source>
        <translation>Analizza &amp;tutti i video non analizzati</translation>
    </message>
    <message>
        <source>Score a &amp;Folder...</source>
        <translation>Analizza una &amp;cartella...</translation>
    </message>
    <message>
        <source>Score a Folder</source>
        <translation>Analizza una cartella</translation>
    </message>
    <message>
        <source>&amp;Detection Settings...</source>
        <translation>Impostazioni di &amp;rilevamento...</translation>
    </message>
    <message>
        <source>%1 (needs a model: Score &gt; Choose Model)</source>
        <translation>%1 (serve un modello: Analisi &gt; Scegli modello)</translation>
    </message>
    <message>
        <source>Choose the AnomalyCLIP checkpoint first; Help &gt; System Check says where to get it.</source>
        <translation>Scegli prima il checkpoint di AnomalyCLIP; Aiuto &gt; Verifica del sistema indica dove trovarlo.</translation>
    </message>
</context>
<context>
    <name>vigil::ScoreTimeline</name>
    <message>
        <source>Score timeline</source>
        <translation>Timeline dei punteggi</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classi</translation>
    </message>
    <message>
        <source>The scores of the video shown appear here: open one from the Videos list.</source>
        <translation>Qui compaiono i punteggi del video mostrato: aprine uno dall&apos;elenco Video.</translation>
    </message>
    <message>
        <source>No scores for this video yet: choose a model and score it (Score menu).</source>
        <translation>Ancora nessun punteggio per questo video: scegli un modello e analizzalo (menu Analisi).</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>Nessun video</translation>
    </message>
    <message>
        <source>Frame %1 of %2, %3:%4</source>
        <translation>Fotogramma %1 di %2, %3:%4</translation>
    </message>
    <message>
        <source>, score %1</source>
        <translation>, punteggio %1</translation>
    </message>
    <message>
        <source>, in detection %1 of %2</source>
        <translation>, nel rilevamento %1 di %2</translation>
    </message>
    <message>
        <source>Detection %1 of %2: frames %3 to %4</source>
        <translation>Rilevamento %1 di %2: fotogrammi da %3 a %4</translation>
    </message>
    <message>
        <source>Frame %1
%2</source>
        <translation>Fotogramma %1
%2</translation>
    </message>
</context>
<context>
    <name>vigil::ScoringQueue</name>
    <message>
        <source>The class list &apos;%1&apos; cannot be read</source>
        <translation>Impossibile leggere l&apos;elenco delle classi &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Safe Mode scores on the CPU only, and fp16 runs on a GPU: choose CPU in Score &gt; Choose Model, or restart normally.</source>
        <translation>In modalità provvisoria l&apos;analisi usa solo la CPU, mentre fp16 richiede una GPU: scegli CPU in Analisi &gt; Scegli modello oppure riavvia normalmente.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Non riuscito: %1</translation>
    </message>
    <message>
        <source>%1 could not be scored: %2</source>
        <translation>Impossibile analizzare %1: %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>Scoring done</source>
        <translation>Analisi completata</translation>
    </message>
    <message>
        <source>Model loaded, scoring on %1</source>
        <translation>Modello caricato, analisi su %1</translation>
    </message>
    <message>
        <source>Choose a model first (Score &gt; Choose Model).</source>
        <translation>Scegli prima un modello (Analisi &gt; Scegli modello).</translation>
    </message>
    <message>
        <source>Nothing to score</source>
        <translation>Niente da analizzare</translation>
    </message>
    <message>
        <source>Done (cached features)</source>
        <translation>Completato (feature nella cache)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completato</translation>
    </message>
</context>
<context>
    <name>vigil::ScoringWorker</name>
    <message>
        <source>the cached features could not be read and were computed again: %1</source>
        <translation>impossibile leggere le feature nella cache, sono state ricalcolate: %1</translation>
    </message>
    <message>
        <source>imported features %1 ignored: %2 rows for %3 frames</source>
        <translation>feature importate %1 ignorate: %2 righe per %3 fotogrammi</translation>
    </message>
</context>
<context>
    <name>vigil::SettingsController</name>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Impostazioni...</translation>
    </message>
    <message>
        <source>&amp;Reset Settings...</source>
        <translation>&amp;Ripristina impostazioni...</translation>
    </message>
    <message>
        <source>The setting asks for CPU int8, which this machine&apos;s LibTorch lacks: scoring in fp32</source>
        <translation>L&apos;impostazione richiede CPU int8, che la LibTorch di questo computer non supporta: analisi in fp32</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>Non salvato: %1</translation>
    </message>
    <message>
        <source>Saved in %1.</source>
        <translation>Salvato in %1.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Svuota</translation>
    </message>
    <message>
        <source>Remove every cached feature in %1? Scores stay; re-scoring or training a video will decode it again.</source>
        <translation>Rimuovere tutte le feature nella cache in %1? I punteggi restano; per rianalizzare un video o usarlo per l&apos;addestramento sarà necessario decodificarlo di nuovo.</translation>
    </message>
    <message>
        <source>Remove every seek proxy in %1? They are made again when needed.</source>
        <translation>Rimuovere tutti i proxy di ricerca in %1? Verranno ricreati quando servono.</translation>
    </message>
    <message>
        <source>Reset Settings</source>
        <translation>Ripristina impostazioni</translation>
    </message>
    <message>
        <source>Put every setting back to its default (compute, detection defaults, caches, export, your name)? Projects, labels and caches are not touched.</source>
        <translation>Ripristinare tutte le impostazioni ai valori predefiniti (calcolo, valori predefiniti di rilevamento, cache, esportazione, il tuo nome)? Progetti, etichette e contenuto delle cache restano invariati.</translation>
    </message>
    <message>
        <source>Settings reset to their defaults</source>
        <translation>Impostazioni ripristinate ai valori predefiniti</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Key set exported to %1 (%n change(s) from the defaults).</source>
        <translation>
            <numerusform>Set di tasti esportato in %1 (%n modifica rispetto ai predefiniti).</numerusform>
            <numerusform>Set di tasti esportato in %1 (%n modifiche rispetto ai predefiniti).</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossibile leggere %1: %2</translation>
    </message>
    <message>
        <source>Export Key Set</source>
        <translation>Esporta set di tasti</translation>
    </message>
    <message>
        <source>Key sets (*.txt);;All files (*)</source>
        <translation>Set di tasti (*.txt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Import Key Set</source>
        <translation>Importa set di tasti</translation>
    </message>
</context>
<context>
    <name>vigil::SettingsDialog</name>
    <message>
        <source>Automatic (a GPU when there is one)</source>
        <translation>Automatico (una GPU se c&apos;è)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU int8 (faster, features close to fp32&apos;s)</source>
        <translation>CPU int8 (più veloce, feature vicine a quelle fp32)</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>CUDA GPU fp16</source>
        <translation>GPU CUDA fp16</translation>
    </message>
    <message>
        <source>built in: ~/.cache/vigil/features</source>
        <translation>predefinita: ~/.cache/vigil/features</translation>
    </message>
    <message>
        <source>built in: ~/.cache/vigil/proxies</source>
        <translation>predefinita: ~/.cache/vigil/proxies</translation>
    </message>
    <message>
        <source>beside the project</source>
        <translation>accanto al progetto</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pagine delle impostazioni</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calcolo</translation>
    </message>
    <message>
        <source>Where scoring runs and how. A flag on vigil-cli&apos;s command line wins over these.</source>
        <translation>Dove e come viene eseguita l&apos;analisi. Un&apos;opzione sulla riga di comando di vigil-cli ha la precedenza su queste impostazioni.</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Rilevamento</translation>
    </message>
    <message>
        <source>A project created from now on starts with these; each project keeps its own (Score menu).</source>
        <translation>I progetti creati da ora in poi partono con questi valori; ogni progetto mantiene i propri (menu Analisi).</translation>
    </message>
    <message>
        <source>Caches</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>The feature cache lets a video be re-scored and trained on without decoding it again; seek proxies make seeking in long-GOP videos quick. Past its limit, the least recently used go first.</source>
        <translation>La cache delle feature permette di rianalizzare un video e di usarlo per l&apos;addestramento senza decodificarlo di nuovo; i proxy di ricerca rendono rapida la ricerca nei video con GOP lunghi. Oltre il limite, si eliminano prima gli elementi usati meno di recente.</translation>
    </message>
    <message>
        <source>Clear the Feature Cache</source>
        <translation>Svuota la cache delle feature</translation>
    </message>
    <message>
        <source>Clear the Seek Proxies</source>
        <translation>Elimina i proxy di ricerca</translation>
    </message>
    <message>
        <source>Feature cache now</source>
        <translation>Cache delle feature attuale</translation>
    </message>
    <message>
        <source>Seek proxies now</source>
        <translation>Proxy di ricerca attuali</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esportazione</translation>
    </message>
    <message>
        <source>The starting choices of File &gt; Export Clips.</source>
        <translation>Le scelte iniziali di File &gt; Esporta clip.</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analista</translation>
    </message>
    <message>
        <source>The name the audit trail gives your labels and decisions.</source>
        <translation>Il nome associato alle tue etichette e decisioni nel registro delle modifiche.</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>uno per core</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Sfoglia...</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Sfoglia: %1</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Scegli una cartella</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>Come il sistema</translation>
    </message>
    <message>
        <source>The desktop&apos;s</source>
        <translation>Come il desktop</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Chiaro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Scuro</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interfaccia</translation>
    </message>
    <message>
        <source>The language applies from Vigil&apos;s next start; the theme at once.</source>
        <translation>La lingua vale dal prossimo avvio di Vigil; il tema subito.</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tastiera</translation>
    </message>
</context>
<context>
    <name>vigil::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation>Filtra le scorciatoie</translation>
    </message>
    <message>
        <source>Filter by action or key</source>
        <translation>Filtra per azione o tasto</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tasto</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Altro</translation>
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
        <translation>Revisione dei video di sorveglianza con i punteggi di anomalia di AnomalyCLIP. Crea un progetto, aprine uno esistente oppure trascina qui dei video o una cartella per aggiungerli al progetto predefinito.</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>&amp;Nuovo progetto...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>&amp;Apri progetto...</translation>
    </message>
    <message>
        <source>System &amp;Check...</source>
        <translation>&amp;Verifica del sistema...</translation>
    </message>
    <message>
        <source>Whether the model, the vocabulary, the devices, the decoders and the disk space Vigil needs are here, and what to do when one is not.</source>
        <translation>Controlla se il modello, il vocabolario, i dispositivi, i decoder e lo spazio su disco che servono a Vigil sono disponibili, e cosa fare quando manca qualcosa.</translation>
    </message>
    <message>
        <source>Scoring needs the AnomalyCLIP model files: the system check says whether they are here.</source>
        <translation>Per l&apos;analisi servono i file del modello AnomalyCLIP: la verifica del sistema indica se sono presenti.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;Progetti recenti&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Progetti recenti</translation>
    </message>
    <message>
        <source>Projects you open appear here.</source>
        <translation>Qui compaiono i progetti che apri.</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>&amp;Rimuovi dall&apos;elenco</translation>
    </message>
    <message>
        <source>Forget the selected project here; its file is not touched.</source>
        <translation>Rimuove da qui il progetto selezionato; il suo file non viene toccato.</translation>
    </message>
    <message>
        <source>%1 (missing: %2)</source>
        <translation>%1 (mancante: %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 is not there any more: remove it from the list, or put the file back</source>
        <translation>%1 non esiste più: rimuovilo dall&apos;elenco o ripristina il file</translation>
    </message>
</context>
<context>
    <name>vigil::SystemCheckDialog</name>
    <message>
        <source>passed</source>
        <translation>superato</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avviso</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non superato</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>non verificato</translation>
    </message>
    <message>
        <source>System Check</source>
        <translation>Verifica del sistema</translation>
    </message>
    <message>
        <source>What the check found</source>
        <translation>Risultati della verifica</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>&amp;Ripeti la verifica</translation>
    </message>
    <message>
        <source>&amp;Use This Model</source>
        <translation>&amp;Usa questo modello</translation>
    </message>
    <message>
        <source>Checking: the model loads and its speed is measured, which takes a few seconds...</source>
        <translation>Verifica in corso: caricamento del modello e misura della sua velocità; richiede qualche secondo...</translation>
    </message>
    <message>
        <source>Choose File...</source>
        <translation>Scegli file...</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Apri cartella</translation>
    </message>
    <message>
        <source>AnomalyCLIP Checkpoint</source>
        <translation>Checkpoint AnomalyCLIP</translation>
    </message>
    <message>
        <source>Checkpoints (*.ckpt);;All files (*)</source>
        <translation>Checkpoint (*.ckpt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Normal Centroid</source>
        <translation>Centroide normale</translation>
    </message>
    <message>
        <source>Centroids (*.pt *.npy);;All files (*)</source>
        <translation>Centroidi (*.pt *.npy);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Class List</source>
        <translation>Elenco delle classi</translation>
    </message>
    <message>
        <source>Class lists (*.csv);;All files (*)</source>
        <translation>Elenchi di classi (*.csv);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>CLIP Vocabulary</source>
        <translation>Vocabolario CLIP</translation>
    </message>
    <message>
        <source>CLIP vocabulary (*.txt.gz *.txt);;All files (*)</source>
        <translation>Vocabolario CLIP (*.txt.gz *.txt);;Tutti i file (*)</translation>
    </message>
</context>
<context>
    <name>vigil::TimelineMinimap</name>
    <message>
        <source>Timeline overview: click to move the view</source>
        <translation>Panoramica della timeline: fai clic per spostare la vista</translation>
    </message>
</context>
<context>
    <name>vigil::TrainingController</name>
    <message>
        <source>The check failed: %1</source>
        <translation>Verifica non riuscita: %1</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>Adde&amp;stramento</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune Model...</source>
        <translation>&amp;Affina modello...</translation>
    </message>
    <message>
        <source>Use Model &amp;Version...</source>
        <translation>Usa &amp;versione del modello...</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Addestramento</translation>
    </message>
    <message>
        <source>Fine-Tune Model</source>
        <translation>Affina modello</translation>
    </message>
    <message>
        <source>Open a project and choose the model to start from (Score &gt; Choose Model) first.</source>
        <translation>Prima apri un progetto e scegli il modello di partenza (Analisi &gt; Scegli modello).</translation>
    </message>
    <message numerus="yes">
        <source>Scoring %n video(s); the check runs again when they are done...</source>
        <translation>
            <numerusform>Analisi di %n video; la verifica verrà ripetuta al termine...</numerusform>
            <numerusform>Analisi di %n video; la verifica verrà ripetuta al termine...</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the project&apos;s training data...</source>
        <translation>Verifica dei dati di addestramento del progetto...</translation>
    </message>
    <message>
        <source>The new model needs a name.</source>
        <translation>Il nuovo modello deve avere un nome.</translation>
    </message>
    <message>
        <source>Use Model Version</source>
        <translation>Usa versione del modello</translation>
    </message>
    <message>
        <source>The project has no model yet.</source>
        <translation>Il progetto non ha ancora un modello.</translation>
    </message>
    <message>
        <source> (fine-tuned, validation AUC %1)</source>
        <translation> (affinato, AUC di validazione %1)</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
</context>
<context>
    <name>vigil::TrainingDialog</name>
    <message>
        <source>Fine-Tune Model</source>
        <translation>Affina modello</translation>
    </message>
    <message>
        <source>Training data: every video with a class (imported annotations) or labels, from its cached features.</source>
        <translation>Dati di addestramento: ogni video con una classe (annotazioni importate) o con etichette, a partire dalle sue feature nella cache.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Training videos</source>
        <translation>Video di addestramento</translation>
    </message>
    <message>
        <source>Validation videos</source>
        <translation>Video di validazione</translation>
    </message>
    <message>
        <source>Labelled frames</source>
        <translation>Fotogrammi etichettati</translation>
    </message>
    <message>
        <source>Classes the model does not have</source>
        <translation>Classi che il modello non ha</translation>
    </message>
    <message>
        <source>Ticked classes are learned with their own prompt and context; the videos of the others are left out.</source>
        <translation>Le classi selezionate vengono apprese con prompt e contesto propri; i video delle altre vengono esclusi.</translation>
    </message>
    <message>
        <source>CLIP vocabulary</source>
        <translation>Vocabolario CLIP</translation>
    </message>
    <message>
        <source>bpe_simple_vocab_16e6.txt.gz</source>
        <translation>bpe_simple_vocab_16e6.txt.gz</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Sfoglia...</translation>
    </message>
    <message>
        <source>CLIP Vocabulary</source>
        <translation>Vocabolario CLIP</translation>
    </message>
    <message>
        <source>CLIP vocabulary (*.txt.gz *.txt);;All files (*)</source>
        <translation>Vocabolario CLIP (*.txt.gz *.txt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>New model&apos;s name</source>
        <translation>Nome del nuovo modello</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Warm-up epochs (the first at learning rate 0)</source>
        <translation>Epoche di riscaldamento (la prima con tasso di apprendimento 0)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tasso di apprendimento</translation>
    </message>
    <message>
        <source>Videos per step (half abnormal)</source>
        <translation>Video per iterazione (metà anomali)</translation>
    </message>
    <message>
        <source>Held out for validation (share of each class)</source>
        <translation>Riservati alla validazione (quota di ogni classe)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seme casuale</translation>
    </message>
    <message>
        <source>Also learn from the labelled frames (Vigil&apos;s addition to the paper)</source>
        <translation>Impara anche dai fotogrammi etichettati (aggiunta di Vigil rispetto all&apos;articolo)</translation>
    </message>
    <message>
        <source>Weight of the labelled frames</source>
        <translation>Peso dei fotogrammi etichettati</translation>
    </message>
    <message>
        <source>Keep the model&apos;s normal centroid (else: the mean of the normal videos)</source>
        <translation>Mantieni il centroide normale del modello (altrimenti: la media dei video normali)</translation>
    </message>
    <message>
        <source>Score Unscored Videos</source>
        <translation>Analizza i video non analizzati</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>Avvia l&apos;addestramento</translation>
    </message>
    <message>
        <source>Checking the project&apos;s training data...</source>
        <translation>Verifica dei dati di addestramento del progetto...</translation>
    </message>
    <message>
        <source>%1 (normal)</source>
        <translation>%1 (normale)</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1 (nuova)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n video(s))</source>
        <translation>
            <numerusform>%1 (%n video)</numerusform>
            <numerusform>%1 (%n video)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Impossibile avviare: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) with a class have no cached features yet: score them first.</source>
        <translation>
            <numerusform>%n video con una classe non ha ancora feature nella cache: prima analizzalo.</numerusform>
            <numerusform>%n video con una classe non hanno ancora feature nella cache: prima analizzali.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>Imbalance between the abnormal classes: %1x (above 3x is a warning).</source>
        <translation>Squilibrio tra le classi anomale: %1x (oltre 3x viene segnalato).</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Esclusi: %1</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n video(s).</source>
        <translation>
            <numerusform>Pronto: %n video.</numerusform>
            <numerusform>Pronti: %n video.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TrainingPanel</name>
    <message>
        <source>total loss</source>
        <translation>perdita totale</translation>
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
        <translation>fotogramma</translation>
    </message>
    <message>
        <source>validation AUC</source>
        <translation>AUC di validazione</translation>
    </message>
    <message>
        <source>validation AP</source>
        <translation>AP di validazione</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoca</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perdita</translation>
    </message>
    <message>
        <source>validation AUC / AP</source>
        <translation>AUC / AP di validazione</translation>
    </message>
    <message>
        <source>No training run.</source>
        <translation>Nessun addestramento eseguito.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <source>Training &apos;%1&apos; on %2 video(s), validating on %3: epoch %4 of %5...</source>
        <translation>Addestramento di &apos;%1&apos; su %2 video, validazione su %3: epoca %4 di %5...</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: epoch %2 of %3, loss %4, validation AUC %5, AP %6%7</source>
        <translation>&apos;%1&apos;: epoca %2 di %3, perdita %4, AUC di validazione %5, AP %6%7</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source> (best so far)</source>
        <translation> (la migliore finora)</translation>
    </message>
    <message>
        <source>epoch %1/%2, step %3/%4, about %5 s left</source>
        <translation>epoca %1/%2, iterazione %3/%4, circa %5 s rimanenti</translation>
    </message>
    <message>
        <source>epoch %1/%2, step %3/%4</source>
        <translation>epoca %1/%2, iterazione %3/%4</translation>
    </message>
    <message>
        <source>done</source>
        <translation>completato</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a new model of the project (epoch %2, validation AUC %3); the project is re-scored with it.</source>
        <translation>&apos;%1&apos; è un nuovo modello del progetto (epoca %2, AUC di validazione %3); il progetto viene rianalizzato con questo modello.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annullato</translation>
    </message>
    <message>
        <source>Cancelled after epoch %1 of %2: the project&apos;s models are unchanged. Resume goes on from epoch %3.</source>
        <translation>Annullato dopo l&apos;epoca %1 di %2: i modelli del progetto sono invariati. Riprendi continua dall&apos;epoca %3.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non riuscito</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Addestramento non riuscito: %1</translation>
    </message>
</context>
<context>
    <name>vigil::TransportController</name>
    <message>
        <source>Play</source>
        <translation>Riproduci</translation>
    </message>
    <message>
        <source>Go to frame or mm:ss</source>
        <translation>Vai al fotogramma o a mm:ss</translation>
    </message>
    <message>
        <source>Go to frame or time</source>
        <translation>Vai al fotogramma o al tempo</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Playing at %1x</source>
        <translation>Riproduzione a %1x</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n fotogramma</numerusform>
            <numerusform>%n fotogrammi</numerusform>
        </translation>
    </message>
    <message>
        <source>No video open</source>
        <translation>Nessun video aperto</translation>
    </message>
    <message>
        <source>Frame %1 / %2   %3 s</source>
        <translation>Fotogramma %1 / %2   %3 s</translation>
    </message>
    <message>
        <source>Speed %1x</source>
        <translation>Velocità %1x</translation>
    </message>
    <message>
        <source>No frame &apos;%1&apos; in this video</source>
        <translation>Nessun fotogramma &apos;%1&apos; in questo video</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Riproduzione</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Riproduci o metti in pausa</translation>
    </message>
    <message>
        <source>Play forwards; again: faster</source>
        <translation>Riproduci in avanti; di nuovo: più veloce</translation>
    </message>
    <message>
        <source>Play backwards; again: faster</source>
        <translation>Riproduci all&apos;indietro; di nuovo: più veloce</translation>
    </message>
    <message>
        <source>Double the speed</source>
        <translation>Raddoppia la velocità</translation>
    </message>
    <message>
        <source>Halve the speed</source>
        <translation>Dimezza la velocità</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Fotogramma successivo</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Fotogramma precedente</translation>
    </message>
    <message>
        <source>One second forwards</source>
        <translation>Un secondo avanti</translation>
    </message>
    <message>
        <source>One second backwards</source>
        <translation>Un secondo indietro</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>Primo fotogramma</translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation>Ultimo fotogramma</translation>
    </message>
    <message>
        <source>Go to a frame or time</source>
        <translation>Vai a un fotogramma o a un tempo</translation>
    </message>
</context>
<context>
    <name>vigil::VideoListController</name>
    <message>
        <source>Videos</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>No videos in this project yet: File &gt; Add Videos or Add Folder, or drop files here.</source>
        <translation>Ancora nessun video in questo progetto: File &gt; Aggiungi video o Aggiungi cartella, oppure trascina qui i file.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Analizza</translation>
    </message>
    <message>
        <source>Set Video Class...</source>
        <translation>Imposta la classe del video...</translation>
    </message>
    <message>
        <source>Relink to File...</source>
        <translation>Ricollega a un file...</translation>
    </message>
    <message>
        <source>Relink Video</source>
        <translation>Ricollega video</translation>
    </message>
    <message>
        <source> (missing)</source>
        <translation> (mancante)</translation>
    </message>
    <message>
        <source> (scored)</source>
        <translation> (analizzato)</translation>
    </message>
    <message>
        <source> [%1]</source>
        <translation> [%1]</translation>
    </message>
    <message>
        <source>%1
%2x%3, %4 frames, %5 fps</source>
        <translation>%1
%2x%3, %4 fotogrammi, %5 fps</translation>
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
        <translation>AUC e AP rispetto a: %1</translation>
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
        <translation>Nessun video aperto: scegline uno nell&apos;elenco Video o trascina qui dei file video.</translation>
    </message>
    <message>
        <source>Frame %1   %2 s</source>
        <translation>Fotogramma %1   %2 s</translation>
    </message>
    <message>
        <source>Preview (exact frame decoding)</source>
        <translation>Anteprima (decodifica del fotogramma esatto)</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>Punteggio %1</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>Score %1, above threshold</source>
        <translation>Punteggio %1, sopra la soglia</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>Nessun video</translation>
    </message>
    <message>
        <source>Frame %1 of %2, %3 s</source>
        <translation>Fotogramma %1 di %2, %3 s</translation>
    </message>
    <message>
        <source>Frame %1, %2 s</source>
        <translation>Fotogramma %1, %2 s</translation>
    </message>
    <message>
        <source>, score %1, above threshold</source>
        <translation>, punteggio %1, sopra la soglia</translation>
    </message>
    <message>
        <source>, score %1</source>
        <translation>, punteggio %1</translation>
    </message>
    <message>
        <source>, %1 %2%</source>
        <translation>, %1 %2%</translation>
    </message>
    <message>
        <source>Video player</source>
        <translation>Lettore video</translation>
    </message>
</context>
<context>
    <name>vigil::WorkstationController</name>
    <message>
        <source>%1 is read-only here (the file or its folder is not writable): it is shown, not changed</source>
        <translation>%1 è di sola lettura qui (il file o la sua cartella non sono scrivibili): viene mostrato ma non modificato</translation>
    </message>
    <message>
        <source>Another Vigil has %1 open: it is shown read-only here, and edits are refused</source>
        <translation>Un&apos;altra istanza di Vigil ha aperto %1: qui viene mostrato in sola lettura e le modifiche vengono rifiutate</translation>
    </message>
    <message>
        <source>%1 is missing: relink it or restore the file</source>
        <translation>%1 non si trova: ricollegalo o ripristina il file</translation>
    </message>
</context>
</TS>
