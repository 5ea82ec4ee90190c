//! Values shared by several operations: status-callback events, recording and answering-machine
//! options, and Twilio's media regions.

use crate::api::v2010::webhooks::{CallProgressStatus, RecordingStatus};
use crate::wire_enum;

wire_enum! {
    /// A call progress event to be told about at `StatusCallback`.
    pub enum CallEvent {
        Initiated = "initiated",
        Ringing = "ringing",
        Answered = "answered",
        Completed = "completed",
    }
}

impl CallEvent {
    /// The statuses a call status callback carries when this event is subscribed to: `completed`
    /// reports how the call ended, whichever way it did.
    pub fn statuses(self) -> &'static [CallProgressStatus] {
        // Named constants: an open enum owns a `String` in one variant, so a slice of it is only
        // `'static` as a constant.
        const INITIATED: &[CallProgressStatus] = &[CallProgressStatus::Queued, CallProgressStatus::Initiated];
        const RINGING: &[CallProgressStatus] = &[CallProgressStatus::Ringing];
        const ANSWERED: &[CallProgressStatus] = &[CallProgressStatus::InProgress];
        const COMPLETED: &[CallProgressStatus] = &[
            CallProgressStatus::Completed,
            CallProgressStatus::Busy,
            CallProgressStatus::NoAnswer,
            CallProgressStatus::Failed,
            CallProgressStatus::Canceled,
        ];
        match self {
            Self::Initiated => INITIATED,
            Self::Ringing => RINGING,
            Self::Answered => ANSWERED,
            Self::Completed => COMPLETED,
        }
    }
}

wire_enum! {
    /// A recording event to be told about at `RecordingStatusCallback`.
    pub enum RecordingEvent {
        Started = "started",
        InProgress = "in-progress",
        Paused = "paused",
        Resumed = "resumed",
        Stopped = "stopped",
        Completed = "completed",
        Failed = "failed",
        Absent = "absent",
    }
}

impl RecordingEvent {
    /// The status a recording status callback carries when this event is subscribed to: the one of
    /// the same name.
    pub fn statuses(self) -> &'static [RecordingStatus] {
        const STARTED: &[RecordingStatus] = &[RecordingStatus::Started];
        const IN_PROGRESS: &[RecordingStatus] = &[RecordingStatus::InProgress];
        const PAUSED: &[RecordingStatus] = &[RecordingStatus::Paused];
        const RESUMED: &[RecordingStatus] = &[RecordingStatus::Resumed];
        const STOPPED: &[RecordingStatus] = &[RecordingStatus::Stopped];
        const COMPLETED: &[RecordingStatus] = &[RecordingStatus::Completed];
        const FAILED: &[RecordingStatus] = &[RecordingStatus::Failed];
        const ABSENT: &[RecordingStatus] = &[RecordingStatus::Absent];
        match self {
            Self::Started => STARTED,
            Self::InProgress => IN_PROGRESS,
            Self::Paused => PAUSED,
            Self::Resumed => RESUMED,
            Self::Stopped => STOPPED,
            Self::Completed => COMPLETED,
            Self::Failed => FAILED,
            Self::Absent => ABSENT,
        }
    }
}

wire_enum! {
    /// Whether silence at the start and end of a recording is trimmed.
    pub enum Trim {
        TrimSilence = "trim-silence",
        DoNotTrim = "do-not-trim",
    }
}

wire_enum! {
    /// Whether a recording mixes both legs into one channel or keeps them in two.
    pub enum RecordingChannels {
        Mono = "mono",
        Dual = "dual",
    }
}

wire_enum! {
    /// Which audio a recording captures.
    pub enum RecordingTrack {
        Inbound = "inbound",
        Outbound = "outbound",
        Both = "both",
    }
}

wire_enum! {
    /// Answering machine detection: detect who answered, or also wait for the end of the greeting.
    pub enum MachineDetection {
        Enable = "Enable",
        DetectMessageEnd = "DetectMessageEnd",
    }
}

wire_enum! {
    /// A Twilio region where media is processed.
    pub enum Region {
        Us1 = "us1",
        Us2 = "us2",
        Ie1 = "ie1",
        De1 = "de1",
        Sg1 = "sg1",
        Br1 = "br1",
        Au1 = "au1",
        Jp1 = "jp1",
    }
}
