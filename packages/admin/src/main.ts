import './admin.css';
import './admin-placeholder.ts';
