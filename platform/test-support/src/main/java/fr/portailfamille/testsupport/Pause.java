package fr.portailfamille.testsupport;

/** Waiting between two polls of a server that is starting, without swallowing an interrupt. */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
