import './admin.css';
import './console.ts';
