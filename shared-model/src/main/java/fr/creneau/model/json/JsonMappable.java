package fr.creneau.model.json;

import java.util.Map;

/**
 * A DTO with its one JSON mapping. The backend's Jackson module and the app's JSONParser both go through
 * {@link #toMap()} and each DTO's static {@code fromMap}, so the wire format is defined once.
 */
public interface JsonMappable {
    Map<String, Object> toMap();
}
