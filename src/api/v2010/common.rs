//! Values shared by several operations: status-callback events, recording and answering-machine
//! options, and Twilio's media regions.

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
