using System.Threading.Channels;

namespace GoKart.Execution;

/// <summary>Where the engine puts tasks whose requirements are done, and hears that no more will come.</summary>
internal abstract class ReadyQueue
{
    /// <summary>For executors other than the in-process one, which schedule by themselves: ready tasks are dropped.</summary>
    public static readonly ReadyQueue Discard = new Discarding();

    public abstract void Add(TaskNode node);

    public abstract void Complete();

    /// <summary>Read by the workers of a build with more than one.</summary>
    public sealed class Shared : ReadyQueue
    {
        public Channel<TaskNode> Channel { get; } =
            System.Threading.Channels.Channel.CreateUnbounded<TaskNode>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

        public override void Add(TaskNode node) => Channel.Writer.TryWrite(node);

        public override void Complete() => Channel.Writer.TryComplete();
    }

    /// <summary>
    /// Read by a build's only worker, in the same first-in first-out order: no channel, so a one-worker build never loads
    /// System.Threading.Channels (issue 18, start-up). Written under the engine's lock, read by that one worker between tasks.
    /// </summary>
    public sealed class Local : ReadyQueue
    {
        private readonly Queue<TaskNode> _queue = new();
        private bool _completed;

        public override void Add(TaskNode node)
        {
            if (!_completed)
            {
                _queue.Enqueue(node);
            }
        }

        public override void Complete() => _completed = true;

        public bool TryTake(out TaskNode node) => _queue.TryDequeue(out node!);
    }

    private sealed class Discarding : ReadyQueue
    {
        public override void Add(TaskNode node)
        {
        }

        public override void Complete()
        {
        }
    }
}
