import { Time } from '../../components/time';
import type { Message } from './messages';

/** One message; a note is marked in words and colour, since the customer never sees it. */
export function MessageItem({ message, author }: { message: Message; author: string }) {
  const note = message.role === 'note';
  const label = note ? `Internal note by ${author}` : `${author}`;
  return (
    <li className={`message ${message.role}`} aria-label={label}>
      <div className="message-meta">
        <strong>{author}</strong>
        {note && <span className="badge amber">Internal note</span>}
        <Time iso={message.createdAt} />
      </div>
      <p className="message-body">{message.body}</p>
    </li>
  );
}
