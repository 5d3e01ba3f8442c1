package fr.creneau.model.json;

/** A JSON document whose field has the wrong type or shape. Carries the field so that both sides can point at it. */
public class JsonFieldException extends RuntimeException {
    private final String field;

    public JsonFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
