package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/**
 * A person who can be booked for. {@code holderId} is set on a relative (a child): the patient whose account
 * books for them. {@code noShowCount} (unexcused no-shows at the staff's practice, the ones its rule counts) and
 * {@code excusedNoShowCount} are only filled in for staff.
 */
public class PatientDto implements JsonMappable {
    public static final Json.Reader<PatientDto> READER = new Json.Reader<PatientDto>() {
        public PatientDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public String lastName;
    public String firstName;
    public String birthDate;
    public String phone;
    public String email;
    public Long holderId;
    public Integer noShowCount;
    public Integer excusedNoShowCount;

    public String fullName() {
        return (firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName);
    }

    /** A relative has no phone or email of their own: the holder's are used. */
    public List<FieldError> validate(boolean relative) {
        Validator v = new Validator();
        v.name("lastName", lastName);
        v.name("firstName", firstName);
        v.date("birthDate", birthDate, true);
        v.phone("phone", phone, !relative);
        v.email("email", email, false);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "lastName", lastName);
        Json.put(m, "firstName", firstName);
        Json.put(m, "birthDate", birthDate);
        Json.put(m, "phone", phone);
        Json.put(m, "email", email);
        Json.put(m, "holderId", holderId);
        Json.put(m, "noShowCount", noShowCount);
        Json.put(m, "excusedNoShowCount", excusedNoShowCount);
        return m;
    }

    public static PatientDto fromMap(Map<String, Object> m) {
        PatientDto p = new PatientDto();
        p.id = Json.lng(m, "id");
        p.lastName = Json.str(m, "lastName");
        p.firstName = Json.str(m, "firstName");
        p.birthDate = Json.str(m, "birthDate");
        p.phone = Json.str(m, "phone");
        p.email = Json.str(m, "email");
        p.holderId = Json.lng(m, "holderId");
        p.noShowCount = Json.integer(m, "noShowCount");
        p.excusedNoShowCount = Json.integer(m, "excusedNoShowCount");
        return p;
    }
}
