package com.b2bflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

final class IntakePlot {
    static void write(JsonNode root, Path file) {
    }
}
