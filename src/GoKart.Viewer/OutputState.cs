namespace GoKart.Viewer;

/// <summary>A filter on whether a run's outputs still exist.</summary>
public enum OutputState
{
    /// <summary>No filter.</summary>
    Any,

    /// <summary>Every output exists.</summary>
    Present,

    /// <summary>At least one output is gone.</summary>
    Missing,
}
