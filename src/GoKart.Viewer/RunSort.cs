namespace GoKart.Viewer;

/// <summary>Orders of a run listing; ties are broken by task name, then unique id.</summary>
public enum RunSort
{
    /// <summary>By end time (runs without one first).</summary>
    End,

    /// <summary>By start time.</summary>
    Start,

    /// <summary>By task name.</summary>
    Name,

    /// <summary>By processing time.</summary>
    Duration,

    /// <summary>By total output size.</summary>
    Size,

    /// <summary>By unique id.</summary>
    Id,
}
