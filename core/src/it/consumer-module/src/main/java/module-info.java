/** A user's program as a named module that requires the core. */
module org.example.research {
    requires io.github.occam.core;
    exports consumer;
}
