package fr.creneau.backend.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A patient's channel choices; the patient id of the account holder is the key. */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference extends PanacheEntityBase {
    @Id
    @Column(name = "patient_id")
    public Long patientId;
    @Column(name = "push_enabled")
    public boolean pushEnabled = true;
    @Column(name = "sms_enabled")
    public boolean smsEnabled = true;
    @Column(name = "email_enabled")
    public boolean emailEnabled = true;
    @Column(name = "sms_consent_at")
    public Instant smsConsentAt;
    @Column(name = "email_consent_at")
    public Instant emailConsentAt;
    /** "fr" or "en": the language of every notification text (see Language). */
    @Column(name = "language")
    public String language = "fr";
    @Column(name = "updated_at")
    public Instant updatedAt;
}
