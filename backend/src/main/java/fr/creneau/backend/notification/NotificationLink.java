package fr.creneau.backend.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A confirm/cancel link sent in a reminder (written by the dispatcher; see {@link LinkTokens}). */
@Entity
@Table(name = "notification_link")
public class NotificationLink extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "outbox_id")
    public Long outboxId;
    @Column(name = "patient_id")
    public Long patientId;
    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "appointment_ids")
    public Long[] appointmentIds;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "used_action")
    public String usedAction;
    /** CONFIRM (reminders' confirm/cancel) or ABSENCE_PROPOSAL (choose a proposed slot): see V9_1. */
    public String purpose;
}
